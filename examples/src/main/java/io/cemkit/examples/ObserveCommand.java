package io.cemkit.examples;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cemkit.core.CsvFormatException;
import io.cemkit.journey.Attribution;
import io.cemkit.journey.ChannelSwitches;
import io.cemkit.journey.EventLog;
import io.cemkit.journey.Funnel;
import io.cemkit.journey.FunnelReport;
import io.cemkit.journey.FunnelStep;
import io.cemkit.journey.ObservedJourney;
import io.cemkit.journey.ObservedRenderer;
import io.cemkit.journey.Transition;
import io.cemkit.journey.Variant;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cemkit journey observe}: observed-journey analytics (J6) of a CSV event log, and with {@code --map}
 * the comparison with a designed map (J7). The definitions are those of {@link ObservedJourney},
 * {@link Transition}, {@link Funnel}, {@link FunnelStep}, {@link ChannelSwitches} and {@link Attribution}.
 */
@Command(name = "observe", mixinStandardHelpOptions = true,
    description = "Analyse observed touchpoint events: transitions, variants, a stage funnel with drop-off, "
        + "channel switches, time between stages and Markov attribution. CSV header: "
        + "customer_id,timestamp,touchpoint,stage,channel (ISO-8601 timestamps; optional outcome, sentiment, nps).")
final class ObserveCommand implements Runnable {
  private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)([smhdw])");

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "EVENTS.csv", description = "The events, UTF-8 CSV.")
  Path file;

  @Option(names = "--stages", required = true, split = ",", paramLabel = "STAGE",
      description = "The funnel's stages in order, comma-separated.")
  List<String> stages;

  @Option(names = "--window", paramLabel = "DURATION",
      description = "Conversion window from the first step: ISO-8601 (PT30M, P7D) or 30s, 15m, 2h, 7d, 2w.")
  String window;

  @Option(names = "--strict", description = "Strict funnel: no other stage may come between two steps.")
  boolean strict;

  @Option(names = "--top", defaultValue = "10", paramLabel = "N",
      description = "How many variants to list (default: ${DEFAULT-VALUE}).")
  int top;

  @Option(names = "--format", defaultValue = "json", paramLabel = "FORMAT",
      description = "json, html or mermaid (default: ${DEFAULT-VALUE}).")
  String format;

  @Override
  public void run() {
    if (!format.equals("json") && !format.equals("html") && !format.equals("mermaid")) {
      throw usage("--format must be json, html or mermaid, was '" + format + "'");
    }
    if (top < 1) {
      throw usage("--top must be at least 1, was " + top);
    }
    if (stages.stream().anyMatch(String::isBlank)) {
      throw usage("--stages must not contain an empty stage, was '" + String.join(",", stages) + "'");
    }
    Funnel funnel = Funnel.of(stages.stream().map(String::strip).toList());
    if (window != null) {
      funnel = funnel.within(parseWindow(window));
    }
    if (strict) {
      funnel = funnel.strictly();
    }
    ObservedJourney observed = read(file).observe();
    FunnelReport report = observed.funnel(funnel);
    List<Transition> transitions = observed.transitions();
    String text = switch (format) {
      case "mermaid" -> ObservedRenderer.mermaid(transitions);
      case "html" -> ObservedRenderer.html("Observed journeys: " + file.getFileName(), report, transitions,
          observed.channelSwitches());
      default -> json(observed, report, transitions, funnel);
    };
    spec.commandLine().getOut().print(text);
    spec.commandLine().getOut().flush();
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }

  private Duration parseWindow(String text) {
    Duration d;
    Matcher m = SHORT_DURATION.matcher(text.strip());
    try {
      if (m.matches()) {
        long n = Long.parseLong(m.group(1));
        d = switch (m.group(2)) {
          case "s" -> Duration.ofSeconds(n);
          case "m" -> Duration.ofMinutes(n);
          case "h" -> Duration.ofHours(n);
          case "d" -> Duration.ofDays(n);
          default -> Duration.ofDays(Math.multiplyExact(n, 7));
        };
      } else {
        d = Duration.parse(text.strip());
      }
    } catch (DateTimeParseException | ArithmeticException e) {
      throw usage("--window must be a duration such as PT30M, P7D, 30m or 7d, was '" + text + "'");
    }
    if (d.isNegative() || d.isZero()) {
      throw usage("--window must be positive, was '" + text + "'");
    }
    return d;
  }

  static EventLog read(Path file) {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return EventLog.readCsv(in);
    } catch (NoSuchFileException e) {
      throw new IllegalStateException(file + ": no such file", e);
    } catch (IOException e) {
      throw new IllegalStateException(file + ": cannot read: " + e.getMessage(), e);
    } catch (UncheckedIOException e) {
      throw new IllegalStateException(file + ": cannot read: " + e.getCause().getMessage(), e);
    } catch (CsvFormatException e) {
      throw new IllegalStateException(file + ": " + e.getMessage(), e);
    }
  }

  private String json(ObservedJourney observed, FunnelReport report, List<Transition> transitions,
      Funnel funnel) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode root = f.objectNode();
    root.put("events", observed.events());
    root.put("customers", observed.customers());
    ChannelSwitches switches = observed.channelSwitches();
    root.put("channelSwitches", switches.switches());
    root.put("resumptions", switches.resumptions());
    ObjectNode byStage = root.putObject("resumptionsByStage");
    switches.resumptionsByStage().forEach(byStage::put);
    root.set("transitions", edges(transitions));
    ArrayNode steps = root.putArray("funnel");
    for (FunnelStep s : report.steps()) {
      ObjectNode step = steps.addObject();
      step.put("stage", s.stage());
      step.put("customers", s.customers());
      step.put("conversion", s.conversion());
      step.put("overallConversion", s.overallConversion());
      step.put("dropOff", s.dropOff());
      put(step, "medianSecondsToConvert", s.medianSecondsToConvert());
      put(step, "meanSecondsToConvert", s.meanSecondsToConvert());
      ObjectNode next = step.putObject("nextAfterDropOff");
      s.nextAfterDropOff().forEach(next::put);
    }
    root.set("stageTransitions", edges(observed.stageTransitions()));
    ArrayNode variants = root.putArray("variants");
    for (Variant v : observed.variants(top)) {
      ObjectNode node = variants.addObject();
      ArrayNode path = node.putArray("path");
      v.path().forEach(path::add);
      node.put("customers", v.customers());
    }
    Attribution attribution = observed.attribution(funnel);
    ObjectNode a = root.putObject("attribution");
    a.put("paths", attribution.paths());
    a.put("conversions", attribution.conversions());
    a.put("conversionProbability", attribution.conversionProbability());
    ArrayNode credited = a.putArray("touchpoints");
    for (Attribution.AttributedTouchpoint t : attribution.touchpoints()) {
      credited.addObject().put("touchpoint", t.touchpoint()).put("removalEffect", t.removalEffect())
          .put("share", t.share()).put("conversions", t.conversions());
    }
    try {
      return NpsCommand.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    } catch (IOException e) {
      throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
    }
  }

  private static ArrayNode edges(List<Transition> transitions) {
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    List<Transition> sorted = new ArrayList<>(transitions);
    for (Transition t : sorted) {
      out.addObject().put("from", t.from()).put("to", t.to()).put("count", t.count())
          .put("meanGapSeconds", t.meanGapSeconds()).put("medianGapSeconds", t.medianGapSeconds());
    }
    return out;
  }

  private static void put(ObjectNode node, String field, OptionalDouble value) {
    if (value.isPresent()) {
      node.put(field, value.getAsDouble());
    } else {
      node.putNull(field);
    }
  }
}
