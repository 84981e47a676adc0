package io.cemkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The tool itself: usage, bad commands, version. The demos are in {@link DemoCommandTest}. */
class CemkitCliTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return CemkitCli.run(new PrintWriter(out), new PrintWriter(err), args);
  }

  @Test
  @DisplayName("an unknown command exits 2; no command prints the usage and exits 2")
  void usage() {
    assertThat(run("frobnicate")).isEqualTo(2);
    assertThat(err.toString()).contains("Unmatched argument at index 0: 'frobnicate'");
    assertThat(run()).isEqualTo(2);
    assertThat(err.toString()).contains("cemkit: missing command").contains("Usage: cemkit").contains("demo");
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("Usage: cemkit");
  }

  @Test
  @DisplayName("--version prints a version line")
  void version() {
    assertThat(run("--version")).isZero();
    assertThat(out.toString()).startsWith("cemkit ");
  }
}
