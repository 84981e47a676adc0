package io.cemkit.nps;

import io.cemkit.core.Actor;
import io.cemkit.core.Channel;
import io.cemkit.core.CustomerId;
import io.cemkit.core.testing.BadInputTable;
import io.cemkit.core.testing.BadInputTable.Row;
import io.cemkit.core.testing.BadInputTable.Table;
import io.cemkit.nps.spi.FeedbackStore;
import java.io.IOException;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;


/**
 * The bad-input table of {@code cemkit-nps} (issue #10, the reliability gate): every public factory of
 * {@code io.cemkit.nps} and {@code io.cemkit.nps.spi}, called with one invalid value at a time, must throw
 * the documented exception type with a message that names the field and renders the offending value.
 *
 * <p>Each row is a display name, the factory it exercises (its key, e.g. {@code NpsScale.of(int,int,int,int)}),
 * a call with exactly one bad value, the expected exception type and the fragments its message must contain.
 * A {@link NullPointerException} must come from {@code Objects.requireNonNull} (its top frame is
 * {@code java.util.Objects}), not from a null met deep inside. Scores off the scale raise
 * {@link InvalidScoreException}, which names the score, its position and the scale.
 *
 * <h2>How the list of factories is derived</h2>
 *
 * <p>{@link #everyPublicFactoryHasARow()} walks the compiled classes of the two packages (the directory that holds
 * {@code NpsTally.class}) and finds the public factories by the rules of
 * {@link io.cemkit.core.testing.BadInputTable}; a factory needs a row unless {@link #EXEMPT} says why it has
 * none.
 *
 * <p>To extend the table after adding a factory: run this test, read the factory it names, add rows for each
 * parameter (null, blank, out of range, unknown, malformed) under that key, or add the factory to
 * {@link #EXEMPT} with the reason it takes no invalid value.
 */
class BadInputTableTest {
  private static final Instant T = Instant.parse("2026-01-01T10:00:00Z");
  private static final String TOO_LONG = "a".repeat(129);
  private static final String CLASSIC = NpsScale.classic().toString();

  /** Factories without rows, and why. */
  private static final Map<String, String> EXEMPT = Map.of(
      "FeedbackLoop.ofDefaults()", "takes no value and has no overrides; a configured loop comes from builder()",
      "MinimumSample.ofDefaults()", "takes no value and has no overrides; MinimumSample.of(long) has the rows",
      "NpsTally.isValidWeight(double)", "a predicate: it answers false for a bad weight, which is its purpose");

  private static final List<Row> ROWS = table();

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  @DisplayName("a bad value is refused with the right exception and a message naming the field and the value")
  void refuses(Row row) {
    BadInputTable.assertRefused(row);
  }

  static Stream<Row> rows() {
    return ROWS.stream();
  }

  @Test
  @DisplayName("every public factory of io.cemkit.nps and io.cemkit.nps.spi has a row or a reason for none")
  void everyPublicFactoryHasARow() throws IOException, URISyntaxException {
    BadInputTable.assertEveryFactoryHasARow(NpsTally.class, ROWS, EXEMPT, "io.cemkit.nps", "io.cemkit.nps.spi");
  }

  // ------------------------------------------------------------------------------------------------ the table

  private static List<Row> table() {
    Table t = new Table();
    values(t);
    tallies(t);
    statistics(t);
    breakdowns(t);
    loop(t);
    builders(t);
    return List.copyOf(t.rows());
  }

  private static void values(Table t) {
    code(t, "ResponseId", ResponseId::of, ResponseId::new);
    code(t, "FollowUpId", FollowUpId::of, FollowUpId::new);

    t.on("NpsScale.of(int,int,int,int)")
        .iae("max below min", () -> NpsScale.of(5, 4, 5, 5), "NpsScale", "1 to 11 points", "was 5 to 4")
        .iae("12 points", () -> NpsScale.of(0, 11, 7, 9), "NpsScale", "1 to 11 points", "was 0 to 11")
        .iae("passiveFrom at min", () -> NpsScale.of(0, 10, 0, 9), "NpsScale", "min < passiveFrom",
            "min 0, passiveFrom 0")
        .iae("promoterFrom below passiveFrom", () -> NpsScale.of(0, 10, 8, 7), "passiveFrom 8, promoterFrom 7")
        .iae("promoterFrom above max", () -> NpsScale.of(0, 10, 7, 11), "promoterFrom 11, max 10");
    t.on("NpsScale.ofPoints(int,NpsCategory[])")
        .npe("categories null", () -> NpsScale.ofPoints(1, (NpsCategory[]) null), "categories")
        .iae("no point", () -> NpsScale.ofPoints(1), "NpsScale", "1 to 11 points", "had 0")
        .iae("12 points", () -> NpsScale.ofPoints(1, new NpsCategory[12]), "NpsScale", "had 12")
        .iae("a category null", () -> NpsScale.ofPoints(1, NpsCategory.DETRACTOR, null), "NpsScale category",
            "point 2", "null")
        .iae("points beyond int", () -> NpsScale.ofPoints(Integer.MAX_VALUE, NpsCategory.DETRACTOR,
            NpsCategory.PROMOTER), "NpsScale points", "min was " + Integer.MAX_VALUE);

    t.on("Interval.of(double,double)")
        .iae("low above high", () -> Interval.of(2, 1), "Interval", "low <= high", "was [2.0, 1.0]")
        .iae("low NaN", () -> Interval.of(Double.NaN, 1), "Interval", "finite", "was [NaN, 1.0]")
        .iae("high infinite", () -> Interval.of(0, Double.POSITIVE_INFINITY), "was [0.0, Infinity]");
    t.on("new Interval(double,double)")
        .iae("low infinite", () -> new Interval(Double.NEGATIVE_INFINITY, 0), "was [-Infinity, 0.0]");

    t.on("MinimumSample.of(long)")
        .iae("0", () -> MinimumSample.of(0), "MinimumSample.responses", "at least 1", "was 0");
    t.on("new MinimumSample(long)")
        .iae("-1", () -> new MinimumSample(-1), "MinimumSample.responses", "was -1");

    t.on("CalendarPeriod.parse(String)")
        .npe("null", () -> CalendarPeriod.parse(null), "name")
        .iae("unknown", () -> CalendarPeriod.parse("fortnight"), "period", "day, week, month, quarter, year",
            "was 'fortnight'")
        .iae("blank", () -> CalendarPeriod.parse(" "), "period", "was ' '");

    NpsTally tally = NpsTally.of(9, 10, 3);
    NpsEstimate estimate = NpsStatistics.estimate(tally);
    NpsComparison comparison = NpsStatistics.compare("a", tally, "b", tally, IntervalMethod.WALD, 0.95);
    t.on("new NpsChange(Object,Object,NpsComparison)")
        .npe("from null", () -> new NpsChange<>(null, "b", comparison), "from")
        .npe("to null", () -> new NpsChange<>("a", null, comparison), "to")
        .npe("comparison null", () -> new NpsChange<>("a", "b", null), "comparison");
    t.on("new NpsGroup(Object,NpsTally,NpsEstimate,boolean)")
        .npe("key null", () -> new NpsGroup<>(null, tally, estimate, true), "key")
        .npe("tally null", () -> new NpsGroup<>("a", null, estimate, true), "tally")
        .npe("estimate null", () -> new NpsGroup<>("a", tally, null, true), "estimate");
    t.on("new NpsWindow(Instant,Instant,NpsTally)")
        .npe("start null", () -> new NpsWindow(null, T, tally), "start")
        .npe("tally null", () -> new NpsWindow(T, T.plusSeconds(1), null), "tally")
        .iae("end at start", () -> new NpsWindow(T, T, tally), "NpsWindow start 2026-01-01T10:00:00Z",
            "before end 2026-01-01T10:00:00Z");
    Interval interval = Interval.of(-10, 10);
    RankedAgent.RankRange range = new RankedAgent.RankRange(1, 1);
    t.on("new RankedAgent(Object,int,long,double,Interval,double,RankRange,Optional,double,Flag)")
        .npe("agent null", () -> new RankedAgent<>(null, 1, 3, 33, interval, 30, range, Optional.empty(), 1,
            RankedAgent.Flag.NONE), "agent")
        .npe("interval null", () -> new RankedAgent<>("a", 1, 3, 33, null, 30, range, Optional.empty(), 1,
            RankedAgent.Flag.NONE), "interval")
        .npe("rankRange null", () -> new RankedAgent<>("a", 1, 3, 33, interval, 30, null, Optional.empty(), 1,
            RankedAgent.Flag.NONE), "rankRange")
        .npe("versusRest null", () -> new RankedAgent<>("a", 1, 3, 33, interval, 30, range, null, 1,
            RankedAgent.Flag.NONE), "versusRest")
        .npe("flag null", () -> new RankedAgent<>("a", 1, 3, 33, interval, 30, range, Optional.empty(), 1, null),
            "flag");
    t.on("new RankedAgent.RankRange(int,int)")
        .iae("best 0", () -> new RankedAgent.RankRange(0, 1), "RankRange", "1 <= best <= worst", "was 0 to 1")
        .iae("worst before best", () -> new RankedAgent.RankRange(3, 2), "RankRange", "was 3 to 2");
  }

  private static void code(Table t, String type, Function<String, ?> of, Function<String, ?> constructor) {
    t.on(type + ".of(String)")
        .npe("null", () -> of.apply(null), type)
        .iae("empty", () -> of.apply(""), type, "1 to 128 characters", "was 0")
        .iae("blank", () -> of.apply(" "), type, "invalid character U+0020 at index 0")
        .iae("129 characters", () -> of.apply(TOO_LONG), type, "was 129");
    t.on("new " + type + "(String)")
        .iae("starting with '-'", () -> constructor.apply("-a"), type, "'-' at index 0", "(not first)");
  }

  private static void tallies(Table t) {
    t.on("NpsTally.of(int[])")
        .npe("scores null", () -> NpsTally.of((int[]) null), "scores")
        .raises(InvalidScoreException.class, "score 11", () -> NpsTally.of(9, 11), "Score 11 at position 1",
            CLASSIC, "from 0 to 10")
        .raises(InvalidScoreException.class, "score -1", () -> NpsTally.of(-1), "Score -1 at position 0");
    t.on("NpsTally.strict(NpsScale)").npe("scale null", () -> NpsTally.strict(null), "scale");
    t.on("NpsTally.lenient(NpsScale)").npe("scale null", () -> NpsTally.lenient(null), "scale");
    t.on("NpsTally.ofCounts(NpsScale,long[])")
        .npe("scale null", () -> NpsTally.ofCounts(null, new long[11]), "scale")
        .npe("counts null", () -> NpsTally.ofCounts(NpsScale.classic(), (long[]) null), "counts")
        .iae("10 counts", () -> NpsTally.ofCounts(NpsScale.classic(), new long[10]), "NpsTally needs 11 counts",
            CLASSIC, "got 10")
        .iae("a negative count", () -> NpsTally.ofCounts(NpsScale.classic(), 0, 0, 0, -2, 0, 0, 0, 0, 0, 0, 0),
            "NpsTally count of answer 3", "not be negative", "was -2")
        .iae("counts beyond long", () -> NpsTally.ofCounts(NpsScale.classic(), Long.MAX_VALUE, 1, 0, 0, 0, 0, 0, 0,
            0, 0, 0), "NpsTally counts", "exceed " + Long.MAX_VALUE);
    t.on("NpsTally.byKey(int[],int[],int)")
        .npe("keys null", () -> NpsTally.byKey(null, new int[0], 1), "keys")
        .npe("scores null", () -> NpsTally.byKey(new int[0], null, 1), "scores")
        .iae("lengths differ", () -> NpsTally.byKey(new int[2], new int[1], 1), "NpsTally.byKey", "one key per score",
            "2 keys and 1 scores")
        .iae("groups 0", () -> NpsTally.byKey(new int[0], new int[0], 0), "NpsTally.byKey groups", "was 0")
        .iae("a key out of range", () -> NpsTally.byKey(new int[] {0, 2}, new int[] {9, 9}, 2),
            "NpsTally.byKey key at index 1", "0 to 1", "was 2")
        .raises(InvalidScoreException.class, "a score off the scale", () -> NpsTally.byKey(new int[] {0, 0},
            new int[] {9, 12}, 1), "Score 12 at position 1");
    t.on("NpsTally.byKey(int[],int[],int,int,int)")
        .npe("keys null", () -> NpsTally.byKey(null, new int[0], 1, 0, 0), "keys")
        .raises(IndexOutOfBoundsException.class, "from after to", () -> NpsTally.byKey(new int[3], new int[3], 1, 2,
            1), "[2, 1)", "length 3")
        .iae("groups beyond the maximum", () -> NpsTally.byKey(new int[0], new int[0], NpsTally.MAX_GROUPS + 1, 0, 0),
            "NpsTally.byKey groups", "was " + (NpsTally.MAX_GROUPS + 1));
    t.on("NpsTally.parallelByKey(int[],int[],int)")
        .npe("keys null", () -> NpsTally.parallelByKey(null, new int[0], 1), "keys")
        .npe("scores null", () -> NpsTally.parallelByKey(new int[0], null, 1), "scores")
        .iae("lengths differ", () -> NpsTally.parallelByKey(new int[1], new int[2], 1), "one key per score",
            "1 keys and 2 scores")
        .iae("groups negative", () -> NpsTally.parallelByKey(new int[0], new int[0], -1), "NpsTally.byKey groups",
            "was -1");
    NpsTally tally = NpsTally.of(9, 10, 3);
    t.on("NpsTally.merged(NpsTally,NpsTally)")
        .npe("a null", () -> NpsTally.merged(null, tally), "a")
        .npe("b null", () -> NpsTally.merged(tally, null), "b")
        .iae("another scale", () -> NpsTally.merged(tally, NpsTally.strict(NpsScale.of(1, 5, 3, 5))),
            "Cannot combine a tally on the " + CLASSIC, "1–5");
  }

  private static void statistics(Table t) {
    NpsTally tally = NpsTally.of(9, 10, 3, 7);
    NpsTally empty = NpsTally.strict();
    t.on("NpsStatistics.z(double)")
        .iae("confidence 0", () -> NpsStatistics.z(0), "confidence", "strictly between 0 and 1", "was 0.0")
        .iae("confidence 1", () -> NpsStatistics.z(1), "confidence", "was 1.0")
        .iae("confidence NaN", () -> NpsStatistics.z(Double.NaN), "confidence", "was NaN");
    t.on("NpsStatistics.estimate(NpsTally)").npe("tally null", () -> NpsStatistics.estimate(null), "tally");
    t.on("NpsStatistics.estimate(NpsTally,double)")
        .npe("tally null", () -> NpsStatistics.estimate(null, 0.95), "tally")
        .iae("confidence 95", () -> NpsStatistics.estimate(tally, 95), "confidence", "was 95.0");
    t.on("NpsStatistics.standardError(NpsTally)")
        .npe("tally null", () -> NpsStatistics.standardError(null), "tally");
    t.on("NpsStatistics.variance(NpsTally)").npe("tally null", () -> NpsStatistics.variance(null), "tally");
    t.on("NpsStatistics.linearizedStandardError(NpsTally)")
        .npe("tally null", () -> NpsStatistics.linearizedStandardError(null), "tally");
    t.on("NpsStatistics.interval(NpsTally,IntervalMethod,double)")
        .npe("tally null", () -> NpsStatistics.interval(null, IntervalMethod.WALD, 0.95), "tally")
        .npe("method null", () -> NpsStatistics.interval(tally, null, 0.95), "method")
        .iae("confidence -0.5", () -> NpsStatistics.interval(tally, IntervalMethod.SCORE, -0.5), "confidence",
            "was -0.5");
    t.on("NpsStatistics.interval(long,long,long,IntervalMethod,double)")
        .npe("method null", () -> NpsStatistics.interval(1, 1, 1, null, 0.95), "method")
        .iae("a negative count", () -> NpsStatistics.interval(1, -1, 1, IntervalMethod.WALD, 0.95), "counts",
            "not be negative", "D=1 A=-1 P=1")
        .iae("confidence 1", () -> NpsStatistics.interval(1, 1, 1, IntervalMethod.WALD, 1), "confidence", "was 1.0");
    t.on("NpsStatistics.weighted(NpsTally,double)")
        .npe("tally null", () -> NpsStatistics.weighted(null, 0.95), "tally")
        .iae("confidence 0", () -> NpsStatistics.weighted(tally, 0), "confidence", "was 0.0");
    t.on("NpsStatistics.compare(String,NpsTally,String,NpsTally,IntervalMethod,double)")
        .npe("a null", () -> NpsStatistics.compare(null, tally, "b", tally, IntervalMethod.WALD, 0.95), "a")
        .npe("tallyA null", () -> NpsStatistics.compare("a", null, "b", tally, IntervalMethod.WALD, 0.95), "tallyA")
        .npe("tallyB null", () -> NpsStatistics.compare("a", tally, "b", null, IntervalMethod.WALD, 0.95), "tallyB")
        .npe("method null", () -> NpsStatistics.compare("a", tally, "b", tally, null, 0.95), "method")
        .iae("method SCORE", () -> NpsStatistics.compare("a", tally, "b", tally, IntervalMethod.SCORE, 0.95),
            "compare supports WALD and ADJUSTED_WALD", "not SCORE")
        .iae("an empty sample", () -> NpsStatistics.compare("a", tally, "b", empty, IntervalMethod.WALD, 0.95),
            "compare needs answers in both samples", "had 4 in 'a' and 0 in 'b'")
        .iae("confidence 2", () -> NpsStatistics.compare("a", tally, "b", tally, IntervalMethod.WALD, 2),
            "confidence", "was 2.0");
    t.on("NpsStatistics.compareWithBenchmark(String,NpsTally,double,IntervalMethod,double)")
        .npe("label null", () -> NpsStatistics.compareWithBenchmark(null, tally, 30, IntervalMethod.WALD, 0.95),
            "label")
        .npe("tally null", () -> NpsStatistics.compareWithBenchmark("a", null, 30, IntervalMethod.WALD, 0.95),
            "tally")
        .iae("benchmark 101", () -> NpsStatistics.compareWithBenchmark("a", tally, 101, IntervalMethod.WALD, 0.95),
            "benchmark NPS", "-100 to 100", "was 101.0")
        .iae("benchmark NaN", () -> NpsStatistics.compareWithBenchmark("a", tally, Double.NaN, IntervalMethod.WALD,
            0.95), "benchmark NPS", "was NaN")
        .iae("method SCORE", () -> NpsStatistics.compareWithBenchmark("a", tally, 30, IntervalMethod.SCORE, 0.95),
            "compareWithBenchmark supports WALD and ADJUSTED_WALD", "not SCORE")
        .iae("an empty sample", () -> NpsStatistics.compareWithBenchmark("a", empty, 30, IntervalMethod.WALD, 0.95),
            "compareWithBenchmark needs answers", "'a' has none");
    t.on("NpsStatistics.sampleSizeForMargin(double)")
        .iae("margin 0", () -> NpsStatistics.sampleSizeForMargin(0), "margin", "positive", "was 0.0")
        .iae("margin NaN", () -> NpsStatistics.sampleSizeForMargin(Double.NaN), "margin", "was NaN")
        .iae("margin infinite", () -> NpsStatistics.sampleSizeForMargin(Double.POSITIVE_INFINITY), "margin",
            "was Infinity")
        .iae("margin too small to count", () -> NpsStatistics.sampleSizeForMargin(1e-300), "sample size too large");
    t.on("NpsStatistics.sampleSizeForMargin(double,double,double)")
        .iae("confidence 1", () -> NpsStatistics.sampleSizeForMargin(5, 1, 1), "confidence", "was 1.0")
        .iae("variance 0", () -> NpsStatistics.sampleSizeForMargin(5, 0.95, 0), "variance", "(0, 1]", "was 0.0")
        .iae("variance 1.5", () -> NpsStatistics.sampleSizeForMargin(5, 0.95, 1.5), "variance", "was 1.5");
    t.on("NpsStatistics.sampleSizeForDifference(double,double,double,double,double)")
        .iae("difference -5", () -> NpsStatistics.sampleSizeForDifference(-5, 0.95, 0.8, 0.5, 0.5), "difference",
            "positive", "was -5.0")
        .iae("power 1", () -> NpsStatistics.sampleSizeForDifference(5, 0.95, 1, 0.5, 0.5), "power",
            "strictly between 0 and 1", "was 1.0")
        .iae("power NaN", () -> NpsStatistics.sampleSizeForDifference(5, 0.95, Double.NaN, 0.5, 0.5), "power",
            "was NaN")
        .iae("varianceA 0", () -> NpsStatistics.sampleSizeForDifference(5, 0.95, 0.8, 0, 0.5), "varianceA",
            "was 0.0")
        .iae("varianceB 2", () -> NpsStatistics.sampleSizeForDifference(5, 0.95, 0.8, 0.5, 2), "varianceB",
            "was 2.0")
        .iae("confidence 0", () -> NpsStatistics.sampleSizeForDifference(5, 0, 0.8, 0.5, 0.5), "confidence",
            "was 0.0");
    t.on("NpsStatistics.posterior(NpsTally)").npe("tally null", () -> NpsStatistics.posterior(null), "tally");
    t.on("NpsStatistics.posterior(NpsTally,double,double,double)")
        .npe("tally null", () -> NpsStatistics.posterior(null, 1, 1, 1), "tally")
        .iae("priorDetractors 0", () -> NpsStatistics.posterior(tally, 0, 1, 1), "priorDetractors",
            "positive and finite", "was 0.0")
        .iae("priorPassives NaN", () -> NpsStatistics.posterior(tally, 1, Double.NaN, 1), "priorPassives", "was NaN")
        .iae("priorPromoters infinite", () -> NpsStatistics.posterior(tally, 1, 1, Double.POSITIVE_INFINITY),
            "priorPromoters", "was Infinity");
    t.on("NpsStatistics.impact(NpsTally,NpsTally)")
        .npe("overall null", () -> NpsStatistics.impact(null, tally), "overall")
        .npe("segment null", () -> NpsStatistics.impact(tally, null), "segment")
        .iae("a segment larger than the whole", () -> NpsStatistics.impact(NpsTally.of(9), NpsTally.of(9, 9)),
            "Cannot subtract 2 answers of 9", "holding 1");
    t.on("NpsStatistics.twoSidedPValue(double)")
        .iae("z NaN", () -> NpsStatistics.twoSidedPValue(Double.NaN), "z", "was NaN");
  }

  private static void breakdowns(Table t) {
    List<NpsResponse> responses = List.of(response("R-1", 9).build(), response("R-2", 3).build());
    List<Integer> scores = List.of(9, 3);
    t.on("NpsBreakdown.tally(Iterable,Function,ToIntFunction,NpsScale)")
        .npe("items null", () -> NpsBreakdown.tally(null, s -> "k", s -> 9, NpsScale.classic()), "items")
        .npe("key null", () -> NpsBreakdown.tally(scores, null, Integer::intValue, NpsScale.classic()), "key")
        .npe("score null", () -> NpsBreakdown.tally(scores, s -> "k", null, NpsScale.classic()), "score")
        .npe("scale null", () -> NpsBreakdown.tally(scores, s -> "k", Integer::intValue, null), "scale")
        .npe("an item without a key", () -> NpsBreakdown.tally(scores, s -> null, Integer::intValue,
            NpsScale.classic()), "key of an item")
        .raises(InvalidScoreException.class, "a score off the scale", () -> NpsBreakdown.tally(List.of(9, 11),
            s -> "k", Integer::intValue, NpsScale.classic()), "Score 11 at position 1", CLASSIC);
    t.on("NpsBreakdown.byDimensions(Iterable,List)")
        .npe("responses null", () -> NpsBreakdown.byDimensions(null, List.of("channel")), "responses")
        .npe("dimensions null", () -> NpsBreakdown.byDimensions(responses, null), "dimensions")
        .iae("no dimension", () -> NpsBreakdown.byDimensions(responses, List.of()), "byDimensions",
            "one or more distinct dimensions", "was []")
        .iae("a dimension twice", () -> NpsBreakdown.byDimensions(responses, List.of("channel", "channel")),
            "byDimensions", "was [channel, channel]")
        .raises(InvalidScoreException.class, "a score off the scale", () -> NpsBreakdown.byDimensions(
            List.of(response("R-3", 12).build()), List.of("channel")), "Score 12 of response R-3", CLASSIC);
    t.on("NpsBreakdown.byPeriod(Iterable,CalendarPeriod,ZoneId)")
        .npe("responses null", () -> NpsBreakdown.byPeriod(null, CalendarPeriod.MONTH, ZoneOffset.UTC), "responses")
        .npe("period null", () -> NpsBreakdown.byPeriod(responses, null, ZoneOffset.UTC), "period")
        .npe("zone null", () -> NpsBreakdown.byPeriod(responses, CalendarPeriod.MONTH, null), "zone");
    Duration day = Duration.ofDays(1);
    t.on("NpsBreakdown.rolling(Iterable,Instant,Instant,Duration,Duration)")
        .npe("responses null", () -> NpsBreakdown.rolling(null, T, T.plus(day), day, day), "responses")
        .npe("from null", () -> NpsBreakdown.rolling(responses, null, T.plus(day), day, day), "from")
        .npe("to null", () -> NpsBreakdown.rolling(responses, T, null, day, day), "to")
        .npe("window null", () -> NpsBreakdown.rolling(responses, T, T.plus(day), null, day), "window")
        .npe("step null", () -> NpsBreakdown.rolling(responses, T, T.plus(day), day, null), "step")
        .iae("window zero", () -> NpsBreakdown.rolling(responses, T, T.plus(day), Duration.ZERO, day),
            "rolling window and step", "positive", "were PT0S and PT24H")
        .iae("step negative", () -> NpsBreakdown.rolling(responses, T, T.plus(day), day, day.negated()),
            "rolling window and step", "were PT24H and PT-24H")
        .iae("range shorter than a window", () -> NpsBreakdown.rolling(responses, T, T.plusSeconds(60), day, day),
            "rolling range 2026-01-01T10:00:00Z to 2026-01-01T10:01:00Z", "shorter than one window of PT24H")
        .iae("too many windows", () -> NpsBreakdown.rolling(responses, T, T.plus(Duration.ofDays(365)), day,
            Duration.ofSeconds(1)), "rolling would produce", "at most 1000000");
    Map<String, NpsTally> months = new LinkedHashMap<>();
    months.put("2026-01", NpsTally.of(9, 10, 3));
    months.put("2026-02", NpsTally.of(9, 3, 3));
    t.on("NpsBreakdown.groups(Map,double,MinimumSample)")
        .npe("tallies null", () -> NpsBreakdown.groups(null, 0.95, MinimumSample.ofDefaults()), "tallies")
        .npe("minimum null", () -> NpsBreakdown.groups(months, 0.95, null), "minimum")
        .npe("a tally null", () -> NpsBreakdown.groups(nullValue(), 0.95, MinimumSample.ofDefaults()), "tally")
        .iae("confidence 1", () -> NpsBreakdown.groups(months, 1, MinimumSample.ofDefaults()), "confidence",
            "was 1.0");
    t.on("NpsBreakdown.trend(Map,IntervalMethod,double)")
        .npe("ordered null", () -> NpsBreakdown.trend(null, IntervalMethod.WALD, 0.95), "ordered")
        .npe("method null", () -> NpsBreakdown.trend(months, null, 0.95), "method")
        .iae("method SCORE", () -> NpsBreakdown.trend(months, IntervalMethod.SCORE, 0.95), "trend",
            "WALD and ADJUSTED_WALD", "not SCORE")
        .iae("confidence 0 with nothing to compare", () -> NpsBreakdown.trend(Map.of(), IntervalMethod.WALD, 0),
            "confidence", "was 0.0");
    t.on("NpsBreakdown.impacts(Map)")
        .npe("segments null", () -> NpsBreakdown.impacts(null), "segments")
        .iae("segments on two scales", () -> NpsBreakdown.impacts(Map.of("a", NpsTally.of(9),
            "b", NpsTally.ofCounts(NpsScale.of(1, 5, 3, 5), 0, 0, 1, 0, 0))), "Cannot combine a tally");

    Map<String, NpsTally> agents = new LinkedHashMap<>();
    agents.put("a-1", NpsTally.of(9, 9, 9));
    t.on("NpsRanking.rank(Map)")
        .npe("agents null", () -> NpsRanking.rank(null), "agents")
        .npe("an agent null", () -> NpsRanking.rank(nullKey()), "agent key")
        .npe("a tally null", () -> NpsRanking.rank(nullValue()), "tally of agent a-1");
    t.on("NpsRanking.rank(Map,Options)")
        .npe("options null", () -> NpsRanking.rank(agents, null), "options");
    t.on("NpsRanking.Options.ofDefaults()")
        .npe("minimum null", () -> NpsRanking.Options.ofDefaults().withMinimum(null), "minimum")
        .npe("basis null", () -> NpsRanking.Options.ofDefaults().withBasis(null), "basis")
        .npe("correction null", () -> NpsRanking.Options.ofDefaults().withCorrection(null), "correction")
        .npe("method null", () -> NpsRanking.Options.ofDefaults().withMethod(null), "method")
        .iae("confidence 1.5", () -> NpsRanking.Options.ofDefaults().withConfidence(1.5), "confidence", "was 1.5")
        .iae("priorStrength negative", () -> NpsRanking.Options.ofDefaults().withPriorStrength(-1), "priorStrength",
            "finite and not negative", "was -1.0")
        .iae("priorStrength NaN", () -> NpsRanking.Options.ofDefaults().withPriorStrength(Double.NaN),
            "priorStrength", "was NaN");
  }

  private static void loop(Table t) {
    t.on("FeedbackLoop.builder()")
        .npe("clock null", () -> FeedbackLoop.builder().clock(null), "clock")
        .npe("scale null", () -> FeedbackLoop.builder().scale(null), "scale")
        .npe("store null", () -> FeedbackLoop.builder().store(null), "store")
        .npe("listener null", () -> FeedbackLoop.builder().listener(null), "listener")
        .raises(InvalidScoreException.class, "a response off the scale", () -> FeedbackLoop.builder()
            .clock(Clock.fixed(T, ZoneOffset.UTC)).build().record(response("R-1", 11).build()),
            "Score 11 of response R-1", CLASSIC);
    NpsResponse response = response("R-1", 3).build();
    t.on("new FeedbackLoop.Recorded(NpsResponse,NpsCategory,Optional)")
        .npe("response null", () -> new FeedbackLoop.Recorded(null, NpsCategory.DETRACTOR, Optional.empty()),
            "response")
        .npe("category null", () -> new FeedbackLoop.Recorded(response, null, Optional.empty()), "category")
        .npe("followUp null", () -> new FeedbackLoop.Recorded(response, NpsCategory.DETRACTOR, null), "followUp");

    FollowUp open = followUp().build();
    t.on("FeedbackStore.checkUpdate(FollowUp,FollowUp)")
        .npe("stored null", () -> FeedbackStore.checkUpdate(null, open), "stored")
        .npe("next null", () -> FeedbackStore.checkUpdate(open, null), "next")
        .iae("another reason", () -> FeedbackStore.checkUpdate(open, ImmutableFollowUp.copyOf(open)
            .withReason(NpsCategory.PROMOTER)), "FollowUp F-1", "reason and openedAt cannot change");
    t.on("NpsResponse.forInteraction(ResponseId,Interaction,int,Instant)")
        .npe("interaction null", () -> NpsResponse.forInteraction(ResponseId.of("R-1"), null, 9, T), "interaction")
        .npe("id null", () -> NpsResponse.forInteraction(null, interaction(), 9, T), "id");
  }

  private static void builders(Table t) {
    missing(t, "FollowUp", () -> ImmutableFollowUp.builder().build(), "id", "response", "reason", "state",
        "openedAt");
    FollowUp open = followUp().build();
    t.on("ImmutableFollowUp.builder()")
        .iae("reason PASSIVE", () -> ImmutableFollowUp.copyOf(open).withReason(NpsCategory.PASSIVE), "FollowUp F-1",
            "DETRACTOR or PROMOTER", "was PASSIVE")
        .iae("contacted without a contact", () -> ImmutableFollowUp.copyOf(open).withState(FollowUpState.CONTACTED),
            "FollowUp F-1 is CONTACTED", "contact time")
        .iae("contactedAt without contactedBy", () -> ImmutableFollowUp.copyOf(open).withContactedAt(T),
            "FollowUp F-1", "contactedAt and contactedBy go together")
        .iae("resolved without a resolution", () -> ImmutableFollowUp.copyOf(open).withState(FollowUpState.RESOLVED),
            "FollowUp F-1", "resolvedAt and resolution")
        .iae("contacted before opened", () -> followUp(FollowUpState.CONTACTED).contactedAt(T.minusSeconds(1))
            .contactedBy(Actor.agent("a-1")).build(), "FollowUp F-1: contactedAt 2026-01-01T09:59:59Z",
            "before openedAt 2026-01-01T10:00:00Z")
        .iae("resolution blank", () -> followUp(FollowUpState.RESOLVED).resolvedAt(T).resolution(" ").build(),
            "FollowUp.resolution", "blank");

    missing(t, "NpsComparison", () -> ImmutableNpsComparison.builder().build(), "a", "b", "nA", "nB", "npsA",
        "npsB", "difference", "standardError", "pValue", "interval");
    NpsComparison comparison = NpsStatistics.compare("a", NpsTally.of(9, 3), "b", NpsTally.of(9, 9),
        IntervalMethod.WALD, 0.95);
    t.on("ImmutableNpsComparison.builder()")
        .iae("nA 0", () -> ImmutableNpsComparison.copyOf(comparison).withNA(0), "NpsComparison", "nA > 0",
            "was 0 and 2")
        .iae("pValue 1.5", () -> ImmutableNpsComparison.copyOf(comparison).withPValue(1.5), "NpsComparison.pValue",
            "0 to 1", "was 1.5")
        .iae("standardError negative", () -> ImmutableNpsComparison.copyOf(comparison).withStandardError(-1),
            "NpsComparison.standardError", "was -1.0");

    missing(t, "NpsEstimate", () -> ImmutableNpsEstimate.builder().build(), "n", "promoters", "passives",
        "detractors");
    t.on("ImmutableNpsEstimate.builder()")
        .iae("a negative count", () -> NpsEstimate.builder().n(0).promoters(-1).passives(1).detractors(0).build(),
            "NpsEstimate counts", "not be negative", "P=-1 A=1 D=0")
        .iae("n not the sum", () -> NpsEstimate.builder().n(3).promoters(1).passives(1).detractors(0).build(),
            "NpsEstimate.n", "was 3 vs 2")
        .iae("an nps without answers", () -> NpsEstimate.builder().n(0).promoters(0).passives(0).detractors(0)
            .nps(10.0).build(), "NpsEstimate.nps", "n = 0");

    missing(t, "NpsIntervals", () -> ImmutableNpsIntervals.builder().build(), "wald", "adjustedWald", "score");

    missing(t, "NpsResponse", () -> ImmutableNpsResponse.builder().build(), "id", "score", "at");
    NpsResponse response = response("R-1", 9).build();
    t.on("ImmutableNpsResponse.builder()")
        .iae("weight negative", () -> ImmutableNpsResponse.copyOf(response).withWeight(-1), "NpsResponse.weight",
            "finite and not negative", "was -1.0")
        .iae("weight NaN", () -> ImmutableNpsResponse.copyOf(response).withWeight(Double.NaN), "NpsResponse.weight",
            "was NaN")
        .iae("a dimension name blank", () -> response("R-1", 9).putDimensions(" ", "x").build(),
            "NpsResponse dimension name", "U+0020")
        .iae("a dimension named like a field", () -> response("R-1", 9).putDimensions("channel", "x").build(),
            "NpsResponse dimension 'channel'", "clashes with the field")
        .iae("a dimension value blank", () -> response("R-1", 9).putDimensions("region", " ").build(),
            "NpsResponse dimension region", "blank");

    missing(t, "WeightedNps", () -> ImmutableWeightedNps.builder().build(), "nps", "effectiveSampleSize",
        "standardError", "interval");
    WeightedNps weighted = WeightedNps.builder().nps(10).effectiveSampleSize(3).standardError(5)
        .interval(Interval.of(0, 20)).build();
    t.on("ImmutableWeightedNps.builder()")
        .iae("nps 101", () -> ImmutableWeightedNps.copyOf(weighted).withNps(101), "WeightedNps.nps", "-100 to 100",
            "was 101.0")
        .iae("nps NaN", () -> ImmutableWeightedNps.copyOf(weighted).withNps(Double.NaN), "WeightedNps.nps",
            "was NaN")
        .iae("effectiveSampleSize 0", () -> ImmutableWeightedNps.copyOf(weighted).withEffectiveSampleSize(0),
            "WeightedNps.effectiveSampleSize", "positive", "was 0.0")
        .iae("standardError infinite", () -> ImmutableWeightedNps.copyOf(weighted)
            .withStandardError(Double.POSITIVE_INFINITY), "WeightedNps.standardError", "was Infinity");
  }

  // ------------------------------------------------------------------------------------------------ valid parts

  private static ImmutableNpsResponse.Builder response(String id, int score) {
    return NpsResponse.builder().id(ResponseId.of(id)).score(score).at(T).channel(Channel.WEB);
  }

  private static ImmutableFollowUp.Builder followUp() {
    return followUp(FollowUpState.OPEN);
  }

  private static ImmutableFollowUp.Builder followUp(FollowUpState state) {
    return FollowUp.builder().id(FollowUpId.of("F-1")).response(ResponseId.of("R-1"))
        .customer(CustomerId.of("C-1")).reason(NpsCategory.DETRACTOR).state(state).openedAt(T);
  }

  private static io.cemkit.core.Interaction interaction() {
    return io.cemkit.core.Interaction.builder().id(io.cemkit.core.InteractionId.of("I-1"))
        .customer(CustomerId.of("C-1")).channel(Channel.PHONE).direction(io.cemkit.core.Direction.INBOUND)
        .classification(io.cemkit.core.InteractionClass.of("service")).startedAt(T).performer(Actor.agent("a-1"))
        .build();
  }

  private static Map<String, NpsTally> nullValue() {
    Map<String, NpsTally> map = new HashMap<>();
    map.put("a-1", null);
    return map;
  }

  private static Map<String, NpsTally> nullKey() {
    Map<String, NpsTally> map = new HashMap<>();
    map.put(null, NpsTally.of(9));
    return map;
  }

  private static void missing(Table t, String type, ThrowingCallable build, String... required) {
    String[] fragments = new String[required.length + 1];
    fragments[0] = "Cannot build " + type;
    System.arraycopy(required, 0, fragments, 1, required.length);
    t.on("Immutable" + type + ".builder()").ise("nothing set", build, fragments);
  }
}
