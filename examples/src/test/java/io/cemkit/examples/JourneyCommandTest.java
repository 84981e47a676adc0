package io.cemkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.cemkit.journey.HtmlRenderer;
import io.cemkit.journey.JourneyMap;
import io.cemkit.journey.JourneyMapJson;
import io.cemkit.journey.MermaidRenderer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code cemkit journey render} contract, on the shipped seed 001 map. */
class JourneyCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @TempDir
  Path dir;

  private int run(String... args) {
    return CemkitCli.run(new PrintWriter(out), new PrintWriter(err), args);
  }

  private static Path bankSwitch() {
    try {
      return Path.of(JourneyCommandTest.class.getResource("/journeys/bank-switch.json").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JourneyMap seed() throws IOException {
    return JourneyMapJson.read(Files.readString(bankSwitch()));
  }

  @Test
  @DisplayName("the shipped map is the same file as the journey module's test map")
  void sameSeed() throws IOException {
    assertThat(Files.readString(bankSwitch())).isEqualTo(Files.readString(
        Path.of("..", "journey", "src", "test", "resources", "journeys", "bank-switch.json")));
  }

  @Test
  @DisplayName("--format mermaid prints the Mermaid text and exits 0")
  void mermaid() throws IOException {
    assertThat(run("journey", "render", bankSwitch().toString(), "--format", "mermaid")).isZero();
    assertThat(out.toString()).isEqualTo(MermaidRenderer.render(seed())).startsWith("journey\n  title Switching banks\n");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  @DisplayName("--format json prints the canonical JSON; html is the default")
  void jsonAndHtml() throws IOException {
    assertThat(run("journey", "render", bankSwitch().toString(), "--format", "json")).isZero();
    assertThat(out.toString()).isEqualTo(JourneyMapJson.write(seed())).startsWith("{\n  \"schema\": \"cemkit-journey/1\"");
    out.getBuffer().setLength(0);
    assertThat(run("journey", "render", bankSwitch().toString())).isZero();
    assertThat(out.toString()).isEqualTo(HtmlRenderer.render(seed())).startsWith("<!DOCTYPE html>")
        .contains("Switching banks", "<svg");
  }

  @Test
  @DisplayName("--output writes the file and nothing to standard output")
  void output() throws IOException {
    Path html = dir.resolve("bank-switch.html");
    assertThat(run("journey", "render", bankSwitch().toString(), "--format", "html", "-o", html.toString())).isZero();
    assertThat(out.toString()).isEmpty();
    assertThat(Files.readString(html, StandardCharsets.UTF_8)).isEqualTo(HtmlRenderer.render(seed()));
  }

  @Test
  @DisplayName("a missing, malformed or invalid map exits 1 with the reasons and prints nothing")
  void badFiles() throws IOException {
    Path missing = dir.resolve("missing.json");
    assertThat(run("journey", "render", missing.toString(), "--format", "mermaid")).isEqualTo(1);
    assertThat(err.toString()).contains("cemkit: " + missing + ": no such file");

    err.getBuffer().setLength(0);
    Path malformed = Files.writeString(dir.resolve("malformed.json"), "{\"title\": \"x\",\n  \"persona\": [}");
    assertThat(run("journey", "render", malformed.toString(), "--format", "html")).isEqualTo(1);
    assertThat(err.toString()).contains(malformed + ": not a valid journey map:\n  - persona[0] (line 2, column 15): "
        + "malformed JSON: Unexpected close marker '}'");

    err.getBuffer().setLength(0);
    String invalid = Files.readString(bankSwitch()).replace("\"emotion\": \"confused\"", "\"emotion\": \"furious\"")
        .replace("\"stage\": \"loyalty\", \"channel\": \"SOCIAL\"", "\"stage\": \"advocacy\", \"channel\": \"SOCIAL\"");
    Path bad = Files.writeString(dir.resolve("bad.json"), invalid);
    assertThat(run("journey", "render", bad.toString(), "--format", "html")).isEqualTo(1);
    assertThat(err.toString()).contains(bad + ": not a valid journey map:\n"
        + "  - touchpoint 'card-delivery' has the unknown emotion 'furious'; known: [excited, happy, indifferent, bored, "
        + "impatient, embarrassed, confused, angry, determined, worn-out] (declare others in customEmotions)\n"
        + "  - touchpoint 'public-story' is in the unknown stage 'advocacy'; the stages are [awareness, consideration, "
        + "purchase, onboarding, service, loyalty]");

    err.getBuffer().setLength(0);
    Path unknownField = Files.writeString(dir.resolve("unknown.json"), Files.readString(bankSwitch())
        .replace("\"audience\"", "\"audiance\""));
    assertThat(run("journey", "render", unknownField.toString(), "--format", "json")).isEqualTo(1);
    assertThat(err.toString()).contains("audiance: unknown field 'audiance'; allowed: [audience, customEmotions, ");

    err.getBuffer().setLength(0);
    Path latin1 = Files.write(dir.resolve("latin1.json"), new byte[] {'{', '"', (byte) 0xE9, '"', '}'});
    assertThat(run("journey", "render", latin1.toString())).isEqualTo(1);
    assertThat(err.toString()).contains(latin1 + ": not UTF-8 text");
    assertThat(out.toString()).as("nothing rendered for a bad map").isEmpty();
  }

  @Test
  @DisplayName("bad usage exits 2: an unknown format, no file, no subcommand")
  void usage() {
    assertThat(run("journey", "render", bankSwitch().toString(), "--format", "pdf")).isEqualTo(2);
    assertThat(err.toString()).contains("--format must be mermaid, html or json, was 'pdf'");
    assertThat(run("journey", "render")).isEqualTo(2);
    assertThat(err.toString()).contains("Missing required parameter: 'MAP.json'");
    assertThat(run("journey")).isEqualTo(2);
    assertThat(err.toString()).contains("Missing subcommand: render");
    assertThat(out.toString()).isEmpty();
  }
}
