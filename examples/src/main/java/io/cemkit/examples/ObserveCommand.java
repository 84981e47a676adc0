package io.cemkit.examples;

import io.cemkit.core.CsvFormatException;
import io.cemkit.journey.Attribution;
import io.cemkit.journey.ChannelSwitches;
import io.cemkit.journey.DesignedVsObserved;
import io.cemkit.journey.EventLog;
import io.cemkit.journey.Funnel;
import io.cemkit.journey.FunnelStep;
import io.cemkit.journey.JourneyMap;
import io.cemkit.journey.ObservedJourney;
import io.cemkit.journey.ObservedRenderer;
import io.cemkit.journey.Transition;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cemkit journey observe}: observed-journey analytics (J6) of a CSV event log, and with {@code --map}
 * the comparison with a designed map (J7). The definitions are those of {@link ObservedJourney},
 * {@link Transition}, {@link Funnel}, {@link FunnelStep}, {@link ChannelSwitches}, {@link Attribution} and
 * {@link DesignedVsObserved}; the JSON document is {@link ObservedJson}'s.
 */
@Command(name = "observe", mixinStandardHelpOptions = true,
    description = "Analyse observed touchpoint events: transitions, variants, a stage funnel with drop-off, "
        + "channel switches, time between stages and Markov attribution. CSV header: "
        + "customer_id,timestamp,touchpoint,stage,channel (ISO-8601 timestamps; optional outcome, sentiment, nps).",
    footer = {"",
        "JSON: events, customers, channelSwitches, resumptions, resumptionsByStage,",
        "transitions [{from, to, count, meanGapSeconds, medianGapSeconds}], funnel",
        "[{stage, customers, conversion, overallConversion, dropOff,",
        "medianSecondsToConvert, meanSecondsToConvert, nextAfterDropOff}],",
        "stageTransitions, variants [{path, customers}] and attribution {paths,",
        "conversions, conversionProbability, touchpoints [{touchpoint, removalEffect,",
        "share, conversions}]}.",
        "",
        "With --map, the JSON also has designedVsObserved, matched by touchpoint and",
        "stage code:",
        "  unusedTouchpoints      the map's touchpoints nobody used, in journey order",
        "  unmappedTouchpoints    observed touchpoints the map does not have",
        "  unexpectedTransitions  observed edges (as in transitions) between two",
        "                         touchpoints that are not consecutive on the map",
        "  slowStages             [{stage, expectedSeconds, observedMedianSeconds,",
        "                         visits}]: stages whose median visit is longer than",
        "                         the sum of their touchpoints' expected durations",
        "  emotions               [{touchpoint, emotion, designedValence,",
        "                         observedSentiment, gap, nps}]: designed emotion",
        "                         (-1..1) against the mean observed sentiment; gap =",
        "                         observed - designed; null where nothing was seen",
        "  handoffLosses          [{from, to, customersAtFrom, reachedTo, loss}]: at",
        "                         each change of owner on the map, the customers at",
        "                         from, those of them at to later, and loss =",
        "                         1 - reachedTo / customersAtFrom",
        "and the HTML page is the designed map with the observed sentiment drawn as a",
        "second curve over the designed emotion. Mermaid is the observed transition",
        "graph with or without a map; the other JSON fields do not change."})
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

  @Option(names = "--map", paramLabel = "MAP.json",
      description = "A designed journey map (cemkit-journey/1) to compare with: adds designedVsObserved to the "
          + "JSON and draws the observed layer on the map's HTML page.")
  Path map;

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
    Optional<JourneyMap> designed = Optional.ofNullable(map).map(JourneyCommand.Render::read);
    ObservedJourney observed = read(file).observe();
    Optional<DesignedVsObserved> comparison = designed.map(m -> DesignedVsObserved.of(m, observed));
    String text = switch (format) {
      case "mermaid" -> ObservedRenderer.mermaid(observed.transitions());
      case "html" -> comparison.isPresent() ? comparison.get().html(designed.get())
          : ObservedRenderer.html("Observed journeys: " + file.getFileName(), observed.funnel(funnel),
              observed.transitions(), observed.channelSwitches());
      default -> ObservedJson.write(observed, funnel, top, comparison);
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
}
