package io.cemkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code cemkit demo [NAME] [--out DIR]}: the registry, the defaults, the output folder, determinism. */
class DemoCommandTest {
  private final CliRun cli = new CliRun();

  @TempDir
  Path dir;

  static Stream<String> names() {
    return DemoCommand.SCENARIOS.stream().map(DemoCommand.Scenario::name);
  }

  @Test
  @DisplayName("--list names the scenarios in the requirements' order, each with what it shows")
  void list() {
    assertThat(cli.run("demo", "--list")).isZero();
    assertThat(cli.out().lines().map(l -> l.split(" ", 2)[0])).containsExactly("bank-switch", "telecom", "clinic",
        "taxi", "checkout-abandonment");
    assertThat(cli.out()).contains("E1, seed 001", "E2, seed 003", "E3, seed 003", "E4, seed 002", "E5, seed 004");
  }

  @Test
  @DisplayName("without a name it runs bank-switch, writing into --out")
  void defaultIsBankSwitch() {
    assertThat(cli.run("demo", "--out", dir.toString())).as(cli.err()).isZero();
    assertThat(cli.out()).startsWith("cemkit demo bank-switch: a customer switches banks (seed 001)")
        .contains("  wrote " + dir.resolve("bank-switch-map.html") + ": ");
    assertThat(cli.err()).isEmpty();
    assertThat(dir.resolve("bank-switch-journey.html")).isRegularFile();
  }

  @Test
  @DisplayName("the folder defaults to cemkit-demo-out/NAME and is created, parents included")
  void folder() {
    assertThat(DemoFiles.defaultDir("taxi")).isEqualTo(Path.of("cemkit-demo-out", "taxi"));
    Path nested = dir.resolve("a/b/taxi");
    assertThat(cli.run("demo", "taxi", "--out", nested.toString())).isZero();
    assertThat(nested.resolve("ranking.json")).isRegularFile();
    assertThat(cli.run("demo", "--help")).isZero();
    assertThat(cli.out()).contains("default: cemkit-demo-out/NAME");
  }

  @Test
  @DisplayName("an unknown scenario exits 2 and names the known ones; an unwritable folder exits 1")
  void errors() throws IOException {
    assertThat(cli.run("demo", "casino")).isEqualTo(2);
    assertThat(cli.err()).contains("Unknown scenario 'casino'; known: bank-switch, telecom, clinic, taxi, "
        + "checkout-abandonment");
    Path file = Files.writeString(dir.resolve("taken"), "x");
    assertThat(cli.run("demo", "taxi", "--out", file.toString())).isEqualTo(1);
    assertThat(cli.err()).contains("cemkit: cannot write " + file.resolve("rides.csv"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("names")
  @DisplayName("every scenario prints and writes the same on every run")
  void deterministic(String name) throws IOException {
    Path first = dir.resolve("first");
    Path second = dir.resolve("second");
    assertThat(cli.run("demo", name, "--out", first.toString())).as(cli.err()).isZero();
    String firstText = cli.out().replace(first.toString(), "DIR");
    cli.clear();
    assertThat(cli.run("demo", name, "--out", second.toString())).isZero();
    assertThat(cli.out().replace(second.toString(), "DIR")).isEqualTo(firstText);
    List<String> files;
    try (Stream<Path> listed = Files.list(first)) {
      files = listed.map(p -> p.getFileName().toString()).sorted().toList();
    }
    assertThat(files).isNotEmpty();
    assertThat(firstText).contains("  wrote DIR");
    for (String f : files) {
      assertThat(Files.mismatch(first.resolve(f), second.resolve(f))).as(f).isEqualTo(-1L);
    }
  }
}
