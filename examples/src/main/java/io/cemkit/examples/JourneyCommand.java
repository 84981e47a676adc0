package io.cemkit.examples;

import io.cemkit.journey.HtmlRenderer;
import io.cemkit.journey.InvalidJourneyMapException;
import io.cemkit.journey.JourneyMap;
import io.cemkit.journey.JourneyMapJson;
import io.cemkit.journey.MermaidRenderer;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cemkit journey render}: a journey map from a JSON file as Mermaid, an HTML page or canonical JSON. */
@Command(name = "journey", mixinStandardHelpOptions = true,
    description = "Journey maps in the cemkit-journey/1 JSON schema (see JourneyMapJson).",
    subcommands = {JourneyCommand.Render.class, ObserveCommand.class})
final class JourneyCommand implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: render or observe");
  }

  /** {@code cemkit journey render}. */
  @Command(name = "render", mixinStandardHelpOptions = true,
      description = "Validate a journey map and write it as Mermaid, a standalone HTML page, or canonical JSON. "
          + "Nothing is written unless the whole map is valid.")
  static final class Render implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MAP.json", description = "The journey map, UTF-8 JSON.")
    Path file;

    @Option(names = "--format", defaultValue = "html", paramLabel = "FORMAT",
        description = "mermaid, html or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
        description = "Write to this file instead of standard output.")
    Path output;

    @Override
    public void run() {
      if (!format.equals("mermaid") && !format.equals("html") && !format.equals("json")) {
        throw new CommandLine.ParameterException(spec.commandLine(),
            "--format must be mermaid, html or json, was '" + format + "'");
      }
      JourneyMap map = read(file);
      String text = switch (format) {
        case "mermaid" -> MermaidRenderer.render(map);
        case "json" -> JourneyMapJson.write(map);
        default -> HtmlRenderer.render(map);
      };
      if (output == null) {
        spec.commandLine().getOut().print(text);
        return;
      }
      try {
        Files.writeString(output, text, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new IllegalStateException("cannot write " + output + ": " + e.getMessage(), e);
      }
    }

    /** Reads and validates the whole map before anything is written. */
    static JourneyMap read(Path file) {
      String json;
      try {
        json = Files.readString(file, StandardCharsets.UTF_8);
      } catch (NoSuchFileException e) {
        throw new IllegalStateException(file + ": no such file", e);
      } catch (CharacterCodingException e) {
        throw new IllegalStateException(file + ": not UTF-8 text", e);
      } catch (IOException e) {
        throw new IllegalStateException(file + ": cannot read: " + e.getMessage(), e);
      }
      try {
        return JourneyMapJson.read(json);
      } catch (InvalidJourneyMapException e) {
        throw new IllegalStateException(file + ": not a valid journey map:\n  - "
            + String.join("\n  - ", e.problems()), e);
      }
    }
  }
}
