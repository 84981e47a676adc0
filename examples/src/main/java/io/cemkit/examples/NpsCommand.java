package io.cemkit.examples;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cemkit.core.Cemkit;
import io.cemkit.nps.CalendarPeriod;
import io.cemkit.nps.Interval;
import io.cemkit.nps.IntervalMethod;
import io.cemkit.nps.MinimumSample;
import io.cemkit.nps.NpsComparison;
import io.cemkit.nps.NpsEstimate;
import io.cemkit.nps.NpsRanking;
import io.cemkit.nps.NpsStatistics;
import io.cemkit.nps.NpsTally;
import io.cemkit.nps.RankedAgent;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cemkit nps report|compare|rank}: NPS figures from a CSV file of answers. */
@Command(name = "nps", mixinStandardHelpOptions = true,
    description = "NPS from a CSV file of answers (one row per answer, with a header).",
    subcommands = {NpsCommand.Report.class, NpsCommand.Compare.class, NpsCommand.Rank.class})
final class NpsCommand implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: report, compare or rank");
  }

  /** Options every subcommand shares. */
  static class Common {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The CSV file of answers.")
    Path file;

    @Option(names = "--score-column", defaultValue = "score", paramLabel = "COL",
        description = "The column of 0–10 scores (default: ${DEFAULT-VALUE}).")
    String scoreColumn;

    @Option(names = "--confidence", defaultValue = "0.95", paramLabel = "LEVEL",
        description = "The confidence level of intervals and tests (default: ${DEFAULT-VALUE}).")
    double confidence;

    @Option(names = "--period", paramLabel = "PERIOD",
        description = "Group by calendar period: day, week, month, quarter or year (needs --time-column).")
    String period;

    @Option(names = "--time-column", paramLabel = "COL", description = "The column of ISO-8601 times or dates.")
    String timeColumn;

    @Option(names = "--zone", defaultValue = "UTC", paramLabel = "ZONE",
        description = "The time zone whose calendar defines periods (default: ${DEFAULT-VALUE}).")
    String zone;

    @Option(names = "--format", defaultValue = "json", paramLabel = "FORMAT",
        description = "json or table (default: ${DEFAULT-VALUE}).")
    String format;

    void checkCommon() {
      if (!(confidence > 0 && confidence < 1)) {
        throw usage("--confidence must be strictly between 0 and 1, was " + confidence);
      }
      if (!format.equals("json") && !format.equals("table")) {
        throw usage("--format must be json or table, was '" + format + "'");
      }
      if (period != null && timeColumn == null) {
        throw usage("--period needs --time-column");
      }
      try {
        ZoneId.of(zone);
      } catch (java.time.DateTimeException e) {
        throw usage("--zone '" + zone + "' is not a time zone: " + e.getMessage());
      }
      if (period != null) {
        try {
          CalendarPeriod.parse(period);
        } catch (IllegalArgumentException e) {
          throw usage("--" + e.getMessage());
        }
      }
    }

    CommandLine.ParameterException usage(String message) {
      return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    NpsCsv.Tallies read(List<String> groupColumns, Optional<String> weightColumn) {
      NpsCsv.Spec csvSpec = new NpsCsv.Spec(scoreColumn, groupColumns, weightColumn,
          Optional.ofNullable(period).map(CalendarPeriod::parse), Optional.ofNullable(timeColumn), ZoneId.of(zone));
      try {
        return NpsCsv.read(file, csvSpec);
      } catch (UncheckedIOException e) {
        throw new IllegalStateException(e.getMessage(), e);
      } catch (io.cemkit.core.CsvFormatException e) {
        throw new IllegalStateException(file + ": " + e.getMessage(), e);
      }
    }

    PrintWriter out() {
      return spec.commandLine().getOut();
    }
  }

  /** One mapper for the whole run: Cemkit.objectMapper() makes a new copy on every call. */
  private static final ObjectMapper MAPPER = Cemkit.objectMapper();

  static ObjectMapper mapper() {
    return MAPPER;
  }

  static void printJson(PrintWriter out, Object value) {
    out.println(jsonText(value));
  }

  static String jsonText(Object value) {
    try {
      return mapper().writerWithDefaultPrettyPrinter().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
    }
  }

  /** {@code cemkit nps report}. */
  @Command(name = "report", mixinStandardHelpOptions = true,
      description = "NPS with n, standard error and intervals, overall and per group or period.")
  static final class Report extends Common implements Runnable {
    @Option(names = "--by", split = ",", paramLabel = "COL", description = "Group by these columns.")
    List<String> by = new ArrayList<>();

    @Option(names = "--weight", paramLabel = "COL", description = "The column of survey weights.")
    String weight;

    @Override
    public void run() {
      checkCommon();
      if (by.stream().distinct().count() != by.size()) {
        throw usage("--by names a column twice: " + by);
      }
      if (period != null && by.contains("period")) {
        throw usage("--by names a column 'period', which --period also writes into the group key; rename the column");
      }
      List<String> keyNames = new ArrayList<>(by);
      if (period != null) {
        keyNames.add("period");
      }
      NpsCsv.Tallies tallies = read(by, Optional.ofNullable(weight));
      NpsEstimate overall = NpsStatistics.estimate(tallies.overall(), confidence);
      boolean grouped = !keyNames.isEmpty();
      if (format.equals("table")) {
        printTable(keyNames, overall, grouped ? tallies.groups() : Map.of());
        return;
      }
      ObjectNode root = mapper().createObjectNode();
      root.set("overall", estimateJson(overall));
      ArrayNode groups = root.putArray("groups");
      if (grouped) {
        tallies.groups().forEach((key, tally) -> {
          ObjectNode group = groups.addObject();
          ObjectNode keyNode = group.putObject("key");
          for (int i = 0; i < keyNames.size(); i++) {
            keyNode.put(keyNames.get(i), key.get(i));
          }
          group.setAll(estimateJson(NpsStatistics.estimate(tally, confidence)));
        });
      }
      printJson(out(), root);
    }

    /** With --weight every estimate has a "weighted" member: null when there is nothing to weigh. */
    private ObjectNode estimateJson(NpsEstimate estimate) {
      ObjectNode node = mapper().valueToTree(estimate);
      if (weight != null && !node.has("weighted")) {
        node.putNull("weighted");
      }
      return node;
    }

    private void printTable(List<String> keyNames, NpsEstimate overall, Map<List<String>, NpsTally> groups) {
      PrintWriter out = out();
      List<String> header = new ArrayList<>(keyNames);
      header.addAll(List.of("n", "promoters", "passives", "detractors", "nps", "se", "adjusted-wald " + percent()));
      if (weight != null) {
        header.addAll(List.of("weighted-nps", "n-eff"));
      }
      List<List<String>> rows = new ArrayList<>();
      List<String> first = new ArrayList<>();
      keyNames.forEach(k -> first.add(keyNames.indexOf(k) == 0 ? "(all)" : ""));
      first.addAll(cells(overall));
      rows.add(first);
      groups.forEach((key, tally) -> {
        List<String> row = new ArrayList<>(key);
        row.addAll(cells(NpsStatistics.estimate(tally, confidence)));
        rows.add(row);
      });
      Table.print(out, header, rows);
    }

    private List<String> cells(NpsEstimate e) {
      List<String> cells = new ArrayList<>(List.of(Long.toString(e.n()), Long.toString(e.promoters()),
          Long.toString(e.passives()), Long.toString(e.detractors()),
          e.nps().map(Figures::format1).orElse("-"), e.standardError().map(Figures::format1).orElse("-"),
          e.intervals().map(i -> Figures.plainInterval(i.adjustedWald())).orElse("-")));
      if (weight != null) {
        cells.add(e.weighted().map(w -> Figures.format1(w.nps())).orElse("-"));
        cells.add(e.weighted().map(w -> Figures.format1(w.effectiveSampleSize())).orElse("-"));
      }
      return cells;
    }

    private String percent() {
      return Figures.format1(confidence * 100).replace(".0", "") + "%";
    }
  }

  /** {@code cemkit nps compare}. */
  @Command(name = "compare", mixinStandardHelpOptions = true,
      description = "Two-sample test of the NPS of two groups (difference = a - b).")
  static final class Compare extends Common implements Runnable {
    @Option(names = "--by", required = true, paramLabel = "COL", description = "The column that names the groups.")
    String by;

    @Option(names = "--a", required = true, paramLabel = "VALUE", description = "The first group's value.")
    String a;

    @Option(names = "--b", required = true, paramLabel = "VALUE", description = "The second group's value.")
    String b;

    @Option(names = "--method", defaultValue = "wald", paramLabel = "METHOD",
        description = "wald or adjusted-wald (default: ${DEFAULT-VALUE}).")
    String method;

    @Override
    public void run() {
      checkCommon();
      if (period != null) {
        throw usage("compare does not take --period; compare two values of --by");
      }
      IntervalMethod m = switch (method) {
        case "wald" -> IntervalMethod.WALD;
        case "adjusted-wald" -> IntervalMethod.ADJUSTED_WALD;
        default -> throw usage("--method must be wald or adjusted-wald, was '" + method + "'");
      };
      NpsCsv.Tallies tallies = read(List.of(by), Optional.empty());
      NpsTally ta = tallies.groups().get(List.of(a));
      NpsTally tb = tallies.groups().get(List.of(b));
      if (ta == null || tb == null) {
        throw new IllegalStateException(file + ": no rows with " + by + " = '" + (ta == null ? a : b)
            + "'; values present: " + tallies.groups().keySet().stream().map(k -> k.get(0)).toList());
      }
      NpsComparison comparison = NpsStatistics.compare(a, ta, b, tb, m, confidence);
      if (format.equals("json")) {
        printJson(out(), comparison);
        return;
      }
      Table.print(out(), List.of("", "n", "nps"), List.of(
          List.of(a, Long.toString(comparison.nA()), Figures.format1(comparison.npsA())),
          List.of(b, Long.toString(comparison.nB()), Figures.format1(comparison.npsB()))));
      out().printf(Locale.ROOT, "difference %s, standard error %s, z %s, p %.4g, %s interval %s%n",
          Figures.format1(comparison.difference()), Figures.format1(comparison.standardError()),
          comparison.z().map(Figures::format2).orElse("undefined"), comparison.pValue(),
          Figures.format1(confidence * 100) + "%", Figures.plainInterval(comparison.interval()));
    }
  }

  /** {@code cemkit nps rank}. */
  @Command(name = "rank", mixinStandardHelpOptions = true,
      description = "Rank agents fairly: minimum responses, lower bounds, rank ranges, corrected flags.")
  static final class Rank extends Common implements Runnable {
    @Option(names = "--agent-column", required = true, paramLabel = "COL", description = "The column of agents.")
    String agentColumn;

    @Option(names = "--min-responses", defaultValue = "30", paramLabel = "N",
        description = "Agents with fewer answers are not ranked (default: ${DEFAULT-VALUE}).")
    long minResponses;

    @Option(names = "--basis", defaultValue = "lower-bound", paramLabel = "BASIS",
        description = "lower-bound or shrunken (default: ${DEFAULT-VALUE}).")
    String basis;

    @Option(names = "--correction", defaultValue = "holm", paramLabel = "METHOD",
        description = "holm or bh (Benjamini-Hochberg) (default: ${DEFAULT-VALUE}).")
    String correction;

    @Override
    public void run() {
      checkCommon();
      if (minResponses < 1) {
        throw usage("--min-responses must be at least 1, was " + minResponses);
      }
      NpsRanking.Options options = NpsRanking.Options.ofDefaults().withConfidence(confidence)
          .withMinimum(MinimumSample.of(minResponses))
          .withBasis(switch (basis) {
            case "lower-bound" -> NpsRanking.Basis.LOWER_BOUND;
            case "shrunken" -> NpsRanking.Basis.SHRUNKEN;
            default -> throw usage("--basis must be lower-bound or shrunken, was '" + basis + "'");
          })
          .withCorrection(switch (correction) {
            case "holm" -> NpsRanking.Correction.HOLM;
            case "bh" -> NpsRanking.Correction.BENJAMINI_HOCHBERG;
            default -> throw usage("--correction must be holm or bh, was '" + correction + "'");
          });
      NpsCsv.Tallies tallies = read(List.of(agentColumn), Optional.empty());
      Map<String, Map<String, NpsTally>> byPeriod = new java.util.TreeMap<>();
      tallies.groups().forEach((key, tally) -> byPeriod
          .computeIfAbsent(period == null ? "" : key.get(1), p -> new LinkedHashMap<>()).put(key.get(0), tally));
      if (byPeriod.isEmpty()) {
        byPeriod.put("", Map.of());
      }
      ObjectNode root = document(minResponses, confidence, basis, correction);
      ArrayNode rankings = (ArrayNode) root.get("rankings");
      PrintWriter out = out();
      byPeriod.forEach((p, agents) -> {
        NpsRanking<String> ranking = NpsRanking.rank(agents, options);
        if (format.equals("table")) {
          printRanking(out, p, ranking);
        } else {
          rankings.add(json(period == null ? Optional.empty() : Optional.of(p), ranking));
        }
      });
      if (format.equals("json")) {
        printJson(out, root);
      }
    }

    /** The output's top level, with an empty {@code rankings} array to add each period's ranking to. */
    static ObjectNode document(long minResponses, double confidence, String basis, String correction) {
      ObjectNode root = mapper().createObjectNode();
      root.put("minResponses", minResponses);
      root.put("confidence", confidence);
      root.put("basis", basis);
      root.put("correction", correction);
      root.putArray("rankings");
      return root;
    }

    /** One period's ranking, as the output lists it. */
    static ObjectNode json(Optional<String> period, NpsRanking<String> ranking) {
      ObjectNode node = mapper().createObjectNode();
      period.ifPresent(p -> node.put("period", p));
      ranking.pooledNps().ifPresentOrElse(v -> node.put("pooledNps", v), () -> node.putNull("pooledNps"));
      node.put("priorStrength", ranking.priorStrength());
      ArrayNode agents = node.putArray("agents");
      for (RankedAgent<String> a : ranking.ranked()) {
        ObjectNode agent = agents.addObject();
        agent.put("rank", a.rank());
        agent.put("agent", a.agent());
        agent.put("n", a.n());
        agent.put("nps", a.nps());
        agent.put("lowerBound", a.interval().low());
        agent.set("interval", mapper().valueToTree(a.interval()));
        agent.put("shrunkenNps", a.shrunkenNps());
        agent.putArray("rankRange").add(a.rankRange().best()).add(a.rankRange().worst());
        a.versusRest().ifPresentOrElse(c -> agent.put("differenceFromRest", c.difference()),
            () -> agent.putNull("differenceFromRest"));
        a.versusRest().ifPresentOrElse(c -> agent.put("pValue", c.pValue()), () -> agent.putNull("pValue"));
        agent.put("adjustedPValue", a.adjustedPValue());
        agent.put("flag", a.flag().name().toLowerCase(Locale.ROOT));
      }
      ArrayNode excluded = node.putArray("excluded");
      ranking.excluded().forEach((k, n) -> excluded.addObject().put("agent", k).put("n", n));
      return node;
    }

    private void printRanking(PrintWriter out, String p, NpsRanking<String> ranking) {
      if (period != null) {
        out.println("Period " + p);
      }
      List<List<String>> rows = new ArrayList<>();
      for (RankedAgent<String> a : ranking.ranked()) {
        rows.add(List.of(Integer.toString(a.rank()), a.agent(), Long.toString(a.n()), Figures.format1(a.nps()),
            Figures.plainInterval(a.interval()), Figures.format1(a.shrunkenNps()),
            a.rankRange().best() + "–" + a.rankRange().worst(),
            String.format(Locale.ROOT, "%.3g", a.adjustedPValue()),
            a.flag() == RankedAgent.Flag.NONE ? "" : a.flag().name().toLowerCase(Locale.ROOT)));
      }
      Table.print(out, List.of("rank", "agent", "n", "nps", "interval", "shrunken", "rank range", "adj. p", "flag"),
          rows);
      if (!ranking.excluded().isEmpty()) {
        out.println("Not ranked (fewer than " + minResponses + " answers): " + ranking.excluded());
      }
      out.println();
    }
  }
}
