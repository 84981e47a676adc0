package io.cemkit.examples;

import static io.cemkit.examples.Figures.count;
import static io.cemkit.examples.Figures.duration;
import static io.cemkit.examples.Figures.interval;
import static io.cemkit.examples.Figures.pValue;
import static io.cemkit.examples.Figures.percent;
import static io.cemkit.examples.Figures.signed;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cemkit.core.Actor;
import io.cemkit.core.Channel;
import io.cemkit.core.CustomerId;
import io.cemkit.core.ProcessInstanceId;
import io.cemkit.core.Touchpoint;
import io.cemkit.core.VirtualClock;
import io.cemkit.nps.FeedbackLoop;
import io.cemkit.nps.FollowUp;
import io.cemkit.nps.FollowUpId;
import io.cemkit.nps.FollowUpState;
import io.cemkit.nps.IntervalMethod;
import io.cemkit.nps.MinimumSample;
import io.cemkit.nps.NpsEstimate;
import io.cemkit.nps.NpsRanking;
import io.cemkit.nps.NpsResponse;
import io.cemkit.nps.NpsStatistics;
import io.cemkit.nps.NpsTally;
import io.cemkit.nps.RankedAgent;
import io.cemkit.nps.ResponseId;
import io.cemkit.nps.spi.FeedbackListener;
import io.cemkit.workflow.Performer;
import io.cemkit.workflow.ProcessDefinition;
import io.cemkit.workflow.ProcessInstance;
import io.cemkit.workflow.StartRequest;
import io.cemkit.workflow.StepResult;
import io.cemkit.workflow.WorkItem;
import io.cemkit.workflow.WorkflowEngine;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * E4, seed 002 (the Get Taxi case): riders rate their driver at the end of every ride; once a month the company
 * flags the drivers with the lowest ratings and rewards the best. A seeded month of rides for 60 drivers with
 * very different volumes, ranked with the {@code nps} module's {@link NpsRanking} — only drivers with enough
 * ratings, ordered by the lower bound of their interval, flagged only where the difference from the rest of
 * the fleet survives Holm's correction — against what a raw table of scores would have done. Every detractor's
 * rating closes the loop through {@link FeedbackLoop}: a follow-up and a call-back process in the rider-care
 * queue, which the team works twice a day; promoters are invited to recommend.
 *
 * @param out where the story goes
 * @param files where the pictures go
 */
record TaxiDemo(PrintWriter out, DemoFiles files) {
  static final ZoneId ZONE = ZoneId.of("Asia/Jerusalem");
  static final LocalDate MONTH = LocalDate.of(2026, 3, 1);
  static final int DRIVERS = 60;
  static final long MIN_RATINGS = MinimumSample.DEFAULT;
  private static final long SEED = 20260331L;
  private static final Touchpoint RIDE_END = Touchpoint.of("ride-end-rating");
  private static final LocalTime[] CARE_SHIFTS = {LocalTime.of(10, 0), LocalTime.of(16, 0)};
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
      .withZone(ZONE);

  /** One rated ride. */
  record Rating(String ride, String driver, String rider, Instant at, int score) {}

  /**
   * What the month came to.
   *
   * @param ratings every rating, in time order
   * @param fleet all ratings tallied
   * @param ranking the monthly ranking
   * @param followUps every follow-up, in order of opening
   * @param invitedPromoters promoters invited to recommend
   */
  record Outcome(List<Rating> ratings, NpsTally fleet, NpsRanking<String> ranking, List<FollowUp> followUps,
      long invitedPromoters) {}

  Outcome run() {
    out.println("cemkit demo taxi: a month of rides rated by riders (seed 002, the Get Taxi case)");
    out.println();
    List<Rating> ratings = month();
    Map<String, NpsTally> drivers = new TreeMap<>();
    NpsTally fleet = NpsTally.strict();
    for (Rating r : ratings) {
      drivers.computeIfAbsent(r.driver(), d -> NpsTally.strict()).record(r.score());
      fleet.record(r.score());
    }
    NpsRanking<String> ranking = NpsRanking.rank(drivers);

    section("1. March 2026: " + count(ratings.size()) + " rides rated by riders, " + drivers.size() + " drivers");
    NpsEstimate estimate = NpsStatistics.estimate(fleet);
    out.printf(Locale.ROOT, "  fleet NPS %s (promoters %s, passives %s, detractors %s), standard error %.1f, "
            + "95%% interval %s%n", signed(estimate.nps().orElseThrow()), percent(fleet.promoters(), fleet.n()),
        percent(fleet.passives(), fleet.n()), percent(fleet.detractors(), fleet.n()), estimate.standardError()
            .orElseThrow(), interval(estimate.intervals().orElseThrow().adjustedWald()));
    List<Long> volumes = drivers.values().stream().map(NpsTally::n).sorted().toList();
    out.printf(Locale.ROOT, "  ratings per driver: median %d, from %d to %d; %d drivers have fewer than %d%n",
        volumes.get(volumes.size() / 2), volumes.get(0), volumes.get(volumes.size() - 1),
        ranking.excluded().size(), MIN_RATINGS);
    double spread = NpsStatistics.variance(fleet).orElseThrow();
    out.printf(Locale.ROOT, "  a driver's score is within ±10 points (95%%) only from %d ratings at the fleet's "
        + "spread; %d ratings give ±%.0f%n", NpsStatistics.sampleSizeForMargin(10, 0.95, spread), MIN_RATINGS,
        margin(spread, MIN_RATINGS));
    out.println();

    section("2. The monthly ranking: only drivers with " + MIN_RATINGS + " ratings or more, by the lower bound "
        + "of their 95% interval");
    printRanking(ranking);
    out.println();

    section("3. Flags, only where the difference from the rest of the fleet survives Holm's correction over "
        + ranking.ranked().size() + " drivers");
    for (RankedAgent<String> a : ranking.bottom()) {
      out.println("  attention " + flagLine(a));
    }
    for (RankedAgent<String> a : ranking.top()) {
      out.println("  reward    " + flagLine(a));
    }
    ranking.ranked().stream().filter(a -> a.flag() == RankedAgent.Flag.NONE && a.nps() < fleet.nps().orElseThrow())
        .min(Comparator.comparingDouble(RankedAgent::nps)).ifPresent(a -> out.printf(Locale.ROOT,
            "  not flagged: %s scores %s from %d ratings, the lowest unflagged, but %s is within the noise "
                + "(adjusted p %.2f)%n", a.agent(), signed(a.nps()), a.n(), interval(a.interval()),
            a.adjustedPValue()));
    out.println();

    section("4. Too few ratings to judge: listed, never ranked or flagged");
    ranking.excluded().forEach((driver, n) -> out.printf(Locale.ROOT, "  %s %2d ratings, NPS %s, 95%% interval %s%n",
        driver, n, signed(drivers.get(driver).nps().orElseThrow()), interval(NpsStatistics.interval(
            drivers.get(driver), IntervalMethod.ADJUSTED_WALD, 0.95).orElseThrow())));
    Map.Entry<String, NpsTally> rawBest = rawExtreme(drivers, Comparator.reverseOrder());
    Map.Entry<String, NpsTally> rawWorst = rawExtreme(drivers, Comparator.naturalOrder());
    out.printf(Locale.ROOT, "  a raw table of scores would reward %s (%s from %d ratings) and flag %s (%s from %d)%n",
        rawBest.getKey(), signed(rawBest.getValue().nps().orElseThrow()), rawBest.getValue().n(), rawWorst.getKey(),
        signed(rawWorst.getValue().nps().orElseThrow()), rawWorst.getValue().n());
    out.println();

    section("5. The closed loop: every detractor gets a call-back, every promoter an invitation to recommend");
    Loop loop = closeTheLoop(ratings);
    List<FollowUp> followUps = loop.followUps();
    List<Duration> toClose = followUps.stream().map(f -> f.timeToClose().orElseThrow()).sorted().toList();
    out.printf(Locale.ROOT, "  %s detractor ratings opened %s follow-ups, each with a call-back in queue rider-care"
            + "; the team calls at 10:00 and 16:00%n", count(fleet.detractors()), count(followUps.size()));
    out.printf(Locale.ROOT, "  resolved: %s of %s, median time to close %s, longest %s%n",
        count(followUps.stream().filter(f -> f.state() == FollowUpState.RESOLVED).count()), count(followUps.size()),
        duration(toClose.get(toClose.size() / 2)), duration(toClose.get(toClose.size() - 1)));
    out.printf(Locale.ROOT, "  %s promoters were invited to share a referral code%n", count(loop.invited));
    FollowUp first = followUps.get(0);
    Rating firstRating = ratings.stream().filter(r -> r.ride().equals(first.response().value())).findFirst()
        .orElseThrow();
    out.printf(Locale.ROOT, "  the first: ride %s on %s scored %d for %s -> follow-up %s opened, call-back %s;%n",
        firstRating.ride(), WHEN.format(firstRating.at()), firstRating.score(), firstRating.driver(), first.id(),
        first.process().map(ProcessInstanceId::value).orElse("-"));
    out.printf(Locale.ROOT, "    %s called the rider at %s and resolved it (%s): %s after the rating%n",
        first.contactedBy().map(Actor::id).orElse("-"), WHEN.format(first.contactedAt().orElseThrow()),
        first.resolution().orElse("-"), duration(first.timeToClose().orElseThrow()));
    out.println();

    section("6. Pictures");
    files.write(out, "rides.csv", csv(ratings), "the month's ratings (ride, driver, rated_at, score); `cemkit nps "
        + "rank " + files.dir().resolve("rides.csv") + " --agent-column driver` gives ranking.json again");
    files.write(out, "ranking.json", rankingJson(ranking), "the ranking as `cemkit nps rank` writes it");
    files.write(out, "ranking.mmd", mermaid(ranking), "a Mermaid bar chart of the ranked drivers' NPS with the "
        + "lower bounds they are ranked by");
    out.flush();
    return new Outcome(ratings, fleet, ranking, followUps, loop.invited);
  }

  /** The seeded month: volumes from a handful (new drivers) to hundreds, a few clearly better or worse. */
  static List<Rating> month() {
    Random random = new Random(SEED);
    Map<Integer, Integer> newDrivers = Map.of(12, 6, 27, 4, 41, 17, 53, 24, 60, 9);
    Map<Integer, double[]> special = Map.of(
        8, new double[] {0.28, 0.46}, 33, new double[] {0.30, 0.42}, 47, new double[] {0.32, 0.40},
        5, new double[] {0.82, 0.04}, 19, new double[] {0.80, 0.05}, 38, new double[] {0.84, 0.05},
        12, new double[] {0.95, 0.0}, 27, new double[] {0.0, 0.90}, 50, new double[] {0.42, 0.32});
    int[] riders = {2400};
    List<Rating> ratings = new ArrayList<>();
    long seconds = Duration.between(MONTH.atStartOfDay(ZONE), MONTH.plusMonths(1).atStartOfDay(ZONE)).toSeconds();
    Instant start = MONTH.atStartOfDay(ZONE).toInstant();
    for (int d = 1; d <= DRIVERS; d++) {
      String driver = String.format(Locale.ROOT, "D-%02d", d);
      int rides = d == 50 ? 36 : newDrivers.getOrDefault(d, 40 + random.nextInt(260));
      double[] pd = special.getOrDefault(d, new double[] {0.55 + (random.nextDouble() - 0.5) * 0.12,
          0.20 + (random.nextDouble() - 0.5) * 0.08});
      for (int i = 0; i < rides; i++) {
        Instant at = start.plusSeconds((long) (random.nextDouble() * seconds));
        double u = random.nextDouble();
        int score = u < pd[0] ? 9 + random.nextInt(2) : u < pd[0] + pd[1] ? 1 + random.nextInt(6)
            : 7 + random.nextInt(2);
        ratings.add(new Rating("", driver, "rider-" + (1 + random.nextInt(riders[0])), at, score));
      }
    }
    ratings.sort(Comparator.comparing(Rating::at).thenComparing(Rating::driver));
    List<Rating> numbered = new ArrayList<>(ratings.size());
    for (int i = 0; i < ratings.size(); i++) {
      Rating r = ratings.get(i);
      numbered.add(new Rating(String.format(Locale.ROOT, "R-%05d", i + 1), r.driver(), r.rider(), r.at(), r.score()));
    }
    return List.copyOf(numbered);
  }

  /** The feedback loop and the rider-care team's call-backs, run over the month on a virtual clock. */
  private static final class Loop implements FeedbackListener {
    private final VirtualClock clock = VirtualClock.at(MONTH.atStartOfDay(ZONE).toInstant());
    private final WorkflowEngine engine = WorkflowEngine.builder().clock(clock).node("taxi").build()
        .deploy(ProcessDefinition.builder("rider-care", 1).name("Call a detractor back")
            .step("call-rider", Performer.queue("rider-care"), "Call the rider, apologise, credit the ride").build());
    private final FeedbackLoop loop = FeedbackLoop.builder().clock(clock).listener(this).build();
    private final List<FollowUpId> opened = new ArrayList<>();
    private long invited;

    @Override
    public void onDetractor(NpsResponse response, FollowUp followUp) {
      ProcessInstance callBack = engine.start(StartRequest.of("rider-care", response.customer().orElseThrow(),
          "care-" + response.id().value()).with("followUp", followUp.id().value()));
      loop.linkProcess(followUp.id(), callBack.id());
      opened.add(followUp.id());
    }

    @Override
    public void onPromoter(NpsResponse response) {
      invited++;
    }

    void record(Rating r) {
      moveTo(r.at());
      loop.record(NpsResponse.builder().id(ResponseId.of(r.ride())).score(r.score()).at(r.at())
          .customer(CustomerId.of(r.rider())).agent(Actor.partner(r.driver())).touchpoint(RIDE_END)
          .channel(Channel.APP).build());
    }

    /** Advances the clock to {@code until}, working the queue at every shift on the way. */
    void moveTo(Instant until) {
      for (Instant shift = nextShift(clock.instant()); !shift.isAfter(until); shift = nextShift(shift)) {
        clock.advance(Duration.between(clock.instant(), shift));
        work();
      }
      clock.advance(Duration.between(clock.instant(), until));
    }

    private void work() {
      int agent = 0;
      for (Optional<WorkItem> next = engine.claimNext("rider-care", "rider-care-" + (agent % 3 + 1));
          next.isPresent(); next = engine.claimNext("rider-care", "rider-care-" + (++agent % 3 + 1))) {
        WorkItem item = next.get();
        FollowUpId id = FollowUpId.of(engine.instance(item.instance()).orElseThrow().variables().get("followUp")
            .toString());
        loop.contact(id, Actor.agent(item.claimedBy().orElseThrow()));
        loop.resolve(id, "apology and a ride credit");
        engine.complete(item.id(), item.token(), StepResult.of("called"));
      }
    }

    private static Instant nextShift(Instant after) {
      ZonedDateTime t = after.atZone(ZONE);
      for (LocalDate day = t.toLocalDate(); ; day = day.plusDays(1)) {
        for (LocalTime shift : CARE_SHIFTS) {
          Instant at = day.atTime(shift).atZone(ZONE).toInstant();
          if (at.isAfter(after)) {
            return at;
          }
        }
      }
    }

    List<FollowUp> followUps() {
      return opened.stream().map(id -> loop.followUp(id).orElseThrow()).toList();
    }
  }

  private static Loop closeTheLoop(List<Rating> ratings) {
    Loop loop = new Loop();
    ratings.forEach(loop::record);
    loop.moveTo(MONTH.plusMonths(1).atTime(CARE_SHIFTS[0]).atZone(ZONE).toInstant());
    return loop;
  }

  private void printRanking(NpsRanking<String> ranking) {
    List<RankedAgent<String>> all = ranking.ranked();
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      if (i == 5 && all.size() > 10) {
        rows.add(List.of("...", "", "", "", "", "", "", "", "", ""));
        i = all.size() - 5;
      }
      RankedAgent<String> a = all.get(i);
      rows.add(List.of(Integer.toString(a.rank()), a.agent(), Long.toString(a.n()), signed(a.nps()),
          interval(a.interval()), signed(a.shrunkenNps()), a.rankRange().best() + "-" + a.rankRange().worst(),
          a.versusRest().map(c -> signed(c.difference())).orElse("-"), pValue(a.adjustedPValue()),
          a.flag() == RankedAgent.Flag.NONE ? "" : a.flag().name()));
    }
    java.io.StringWriter table = new java.io.StringWriter();
    Table.print(new PrintWriter(table), List.of("rank", "driver", "n", "nps", "95% interval", "shrunken",
        "rank range", "vs rest", "adj. p", "flag"), rows);
    table.toString().lines().forEach(line -> out.println("  " + line));
    out.printf(Locale.ROOT, "  pooled NPS of the ranked drivers %s; shrinkage prior worth %.0f ratings%n",
        signed(ranking.pooledNps().orElseThrow()), ranking.priorStrength());
  }

  private static String flagLine(RankedAgent<String> a) {
    return String.format(Locale.ROOT, "%s %s: NPS %s %s from %d ratings, %s points from the rest (p %s, "
            + "adjusted %s), rank %d-%d", a.flag(), a.agent(), signed(a.nps()), interval(a.interval()), a.n(),
        signed(a.versusRest().orElseThrow().difference()), pValue(a.versusRest().orElseThrow().pValue()),
        pValue(a.adjustedPValue()), a.rankRange().best(), a.rankRange().worst());
  }

  private static Map.Entry<String, NpsTally> rawExtreme(Map<String, NpsTally> drivers, Comparator<Double> order) {
    return drivers.entrySet().stream().min(Comparator.<Map.Entry<String, NpsTally>, Double>comparing(
        e -> e.getValue().nps().orElseThrow(), order)).orElseThrow();
  }

  static String rankingJson(NpsRanking<String> ranking) {
    ObjectNode root = NpsCommand.Rank.document(MIN_RATINGS, NpsStatistics.DEFAULT_CONFIDENCE, "lower-bound", "holm");
    ((ArrayNode) root.get("rankings")).add(NpsCommand.Rank.json(Optional.empty(), ranking));
    return NpsCommand.jsonText(root) + System.lineSeparator();
  }

  private static String csv(List<Rating> ratings) {
    StringBuilder csv = new StringBuilder("ride,driver,rated_at,score\n");
    ratings.forEach(r -> csv.append(r.ride()).append(',').append(r.driver()).append(',').append(r.at()).append(',')
        .append(r.score()).append('\n'));
    return csv.toString();
  }

  private static String mermaid(NpsRanking<String> ranking) {
    List<RankedAgent<String>> all = ranking.ranked();
    return "xychart-beta\n"
        + "  title \"Driver NPS, March 2026: ranked drivers, best first (bars: NPS, line: lower bound)\"\n"
        + "  x-axis [" + all.stream().map(a -> "\"" + a.agent() + "\"").collect(Collectors.joining(", ")) + "]\n"
        + "  y-axis \"NPS\" -100 --> 100\n"
        + "  bar [" + all.stream().map(a -> Figures.format1(a.nps())).collect(Collectors.joining(", ")) + "]\n"
        + "  line [" + all.stream().map(a -> Figures.format1(a.interval().low())).collect(Collectors.joining(", "))
        + "]\n";
  }

  private void section(String title) {
    out.println(title);
  }

  private static double margin(double variance, long n) {
    return NpsStatistics.z(0.95) * 100 * Math.sqrt(variance / (n + 3));
  }
}
