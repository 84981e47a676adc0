package io.cemkit.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cemkit.core.Cemkit;
import io.cemkit.core.ProcessInstanceId;
import io.cemkit.workflow.AuditRecord.Kind;
import io.cemkit.workflow.SlaVerdict.Deadline;
import io.cemkit.workflow.SlaVerdict.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@link ProcessInsight} on small hand-made audit trails, where every figure can be worked out by hand. */
class ProcessInsightTest {
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  private static final Performer Q = Performer.queue("q");
  private static final Performer R = Performer.queue("r");
  private static final ProcessDefinition P = ProcessDefinition.builder("p", 1)
      .step("a", Q, "First").then("b")
      .step("b", R, "Second")
      .build();

  private static Instant min(long minutes) {
    return T0.plus(Duration.ofMinutes(minutes));
  }

  private static AuditRecord rec(String instance, long sequence, Kind kind, String from, String to,
      Performer performer, Instant enteredAt, Instant at, Instant claimedAt, SlaVerdict sla) {
    return new AuditRecord(ProcessInstanceId.of(instance), sequence, kind, Optional.ofNullable(from),
        Optional.ofNullable(to), Optional.ofNullable(performer), "someone", enteredAt, at, Optional.empty(),
        Optional.ofNullable(claimedAt), Optional.ofNullable(sla));
  }

  private static AuditRecord started(String instance, long enteredMinute) {
    return rec(instance, 1, Kind.STARTED, null, "a", null, min(enteredMinute), min(enteredMinute), null, null);
  }

  /** Instance {@code i}: enters a at 0, claimed after {@code wait}, done {@code work} later, moves to b. */
  private static List<AuditRecord> throughA(String instance, long wait, long work, SlaVerdict sla) {
    return List.of(started(instance, 0),
        rec(instance, 2, Kind.COMPLETED, "a", "b", Q, min(0), min(wait + work), min(wait), sla));
  }

  /** Four items through a (waits 10..40 min, work 1..4 min), one still open at a since minute 30. */
  private static List<AuditRecord> sample() {
    List<AuditRecord> all = new ArrayList<>();
    all.addAll(throughA("P-1", 10, 1, new SlaVerdict(Deadline.RESPONSE, min(60), Status.ON_TIME)));
    all.addAll(throughA("P-2", 20, 2, new SlaVerdict(Deadline.RESPONSE, min(60), Status.AT_RISK)));
    all.addAll(throughA("P-3", 30, 3, new SlaVerdict(Deadline.RESPONSE, min(30), Status.BREACHED)));
    all.addAll(throughA("P-4", 40, 4, new SlaVerdict(Deadline.RESOLUTION, min(120), Status.ON_TIME)));
    all.add(started("P-5", 30));
    return all;
  }

  private static InsightReport sampleOver(long fromMinute, long toMinute) {
    return ProcessInsight.create(P).replay("p", sample()).report(min(fromMinute), min(toMinute));
  }

  private static InsightFigures step(InsightReport report, String step) {
    return report.steps().stream().filter(s -> s.step().equals(Optional.of(step))).findFirst().orElseThrow();
  }

  private static InsightFigures performer(InsightReport report, Performer performer) {
    return report.performers().stream().filter(s -> s.performer().equals(Optional.of(performer))).findFirst()
        .orElseThrow();
  }

  @Test
  @DisplayName("percentiles interpolate linearly between closest ranks, as numpy does, rounded down to the nanosecond")
  void percentiles() {
    List<Duration> oneToTen = new ArrayList<>();
    for (int m = 1; m <= 10; m++) {
      oneToTen.add(Duration.ofMinutes(m));
    }
    Collections.shuffle(oneToTen, new java.util.Random(1));
    assertThat(Distribution.of(oneToTen)).isEqualTo(new Distribution(10, Duration.ofMinutes(55), Duration.ofMinutes(1),
        Duration.ofSeconds(330), Duration.ofSeconds(546), Duration.ofMinutes(10)));
    assertThat(Distribution.of(List.of(Duration.ofMinutes(7), Duration.ofMinutes(2), Duration.ofMinutes(5))))
        .isEqualTo(new Distribution(3, Duration.ofMinutes(14), Duration.ofMinutes(2), Duration.ofMinutes(5),
            Duration.ofSeconds(396), Duration.ofMinutes(7)));
    assertThat(Distribution.of(List.of(Duration.ofSeconds(42)))).isEqualTo(new Distribution(1, Duration.ofSeconds(42),
        Duration.ofSeconds(42), Duration.ofSeconds(42), Duration.ofSeconds(42), Duration.ofSeconds(42)));
    assertThat(Distribution.of(List.of(Duration.ZERO, Duration.ofNanos(1))).median()).isEqualTo(Duration.ZERO);
    assertThat(Distribution.of(List.of(Duration.ZERO, Duration.ofNanos(10))).p90()).isEqualTo(Duration.ofNanos(9));
    assertThat(Distribution.of(List.of())).isEqualTo(Distribution.EMPTY);
    assertThat(Distribution.percentile(new long[] {0, Long.MAX_VALUE}, 90)).isEqualTo(Long.MAX_VALUE / 10 * 9 + 6);
  }

  @Test
  @DisplayName("a distribution refuses negative durations and values out of order")
  void distributionChecks() {
    assertThatThrownBy(() -> Distribution.of(List.of(Duration.ofSeconds(-1))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("durations[0] must not be negative");
    assertThatThrownBy(() -> new Distribution(2, Duration.ZERO, Duration.ofMinutes(2), Duration.ofMinutes(1),
        Duration.ofMinutes(3), Duration.ofMinutes(4))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("min <= median <= p90 <= max");
  }

  @Test
  @DisplayName("wait and work distributions, throughput, backlog and its age, per step and per queue")
  void figures() {
    InsightReport report = sampleOver(0, 120);
    InsightFigures a = step(report, "a");
    assertSoftly(soft -> {
      soft.assertThat(a.performer()).contains(Q);
      soft.assertThat(a.entered()).isEqualTo(5);
      soft.assertThat(a.completed()).isEqualTo(4);
      soft.assertThat(a.waitTime()).isEqualTo(new Distribution(4, Duration.ofMinutes(100), Duration.ofMinutes(10),
          Duration.ofMinutes(25), Duration.ofMinutes(37), Duration.ofMinutes(40)));
      soft.assertThat(a.workTime().median()).isEqualTo(Duration.ofSeconds(150));
      soft.assertThat(a.workTime().p90()).isEqualTo(Duration.ofSeconds(222));
      soft.assertThat(a.duration().total()).isEqualTo(Duration.ofMinutes(110));
      // 4 completions in a window of 2 hours.
      soft.assertThat(a.throughputPerHour()).isEqualTo(2.0);
      soft.assertThat(a.backlog()).isEqualTo(1);
      soft.assertThat(a.backlogAtStart()).isZero();
      soft.assertThat(a.oldestSince()).contains(min(30));
      soft.assertThat(a.oldestAge()).contains(Duration.ofMinutes(90));
      // 110 minutes of completed stays plus 90 of the open one.
      soft.assertThat(a.delay()).isEqualTo(Duration.ofMinutes(200));
      soft.assertThat(performer(report, Q)).isEqualTo(new InsightFigures(Optional.empty(), Optional.empty(),
          Optional.of(Q), a.entered(), a.completed(), a.failed(), a.cancelled(), a.duration(), a.waitTime(),
          a.workTime(), a.delay(), a.throughputPerHour(), a.backlogAtStart(), a.backlog(), a.oldestSince(),
          a.oldestAge(), a.sla()));
      // Step b's items are all open; its queue comes from the definition.
      InsightFigures b = step(report, "b");
      soft.assertThat(b.performer()).contains(R);
      soft.assertThat(b.backlog()).isEqualTo(4);
      soft.assertThat(b.oldestSince()).contains(min(11));
      soft.assertThat(b.completed()).isZero();
      soft.assertThat(b.waitTime()).isEqualTo(Distribution.EMPTY);
      InsightFigures p = report.processes().get(0);
      soft.assertThat(p.name()).isEqualTo("p");
      soft.assertThat(p.entered()).isEqualTo(5);
      soft.assertThat(p.backlog()).isEqualTo(5);
      soft.assertThat(p.completed()).isZero();
    });
  }

  @Test
  @DisplayName("a window that starts later counts what was open at its start, and the backlog balances")
  void laterWindow() {
    InsightFigures a = step(sampleOver(25, 120), "a");
    assertSoftly(soft -> {
      // P-1 and P-2 left a before minute 25; P-3 and P-4 were open then; P-5 entered at 30.
      soft.assertThat(a.backlogAtStart()).isEqualTo(2);
      soft.assertThat(a.entered()).isEqualTo(1);
      soft.assertThat(a.completed()).isEqualTo(2);
      soft.assertThat(a.backlog()).isEqualTo(a.backlogAtStart() + a.entered() - a.left());
      soft.assertThat(a.waitTime().count()).isEqualTo(2);
      // P-3 from 25 to 33, P-4 from 25 to 44, P-5 from 30 to 120.
      soft.assertThat(a.delay()).isEqualTo(Duration.ofMinutes(8 + 19 + 90));
    });
  }

  @Test
  @DisplayName("SLA compliance per deadline counts the verdicts present; no verdict means no SLA")
  void slaCompliance() {
    InsightReport report = ProcessInsight.create(P).replay("p", sample()).report(min(120));
    assertThat(step(report, "a").sla()).containsExactly(new SlaCompliance(Deadline.RESPONSE, 3, 1, 1, 1),
        new SlaCompliance(Deadline.RESOLUTION, 1, 1, 0, 0));
    assertThat(step(report, "a").sla().get(0).compliance()).isEqualTo(2.0 / 3);
    assertThat(step(report, "b").sla()).isEmpty();
    assertThat(report.toText()).contains("SLA response 66.7% of 3 (1 at risk, 1 breached), resolution 100.0% of 1")
        .contains("p/b (queue r): entered 4").contains("SLA none");
    assertThatThrownBy(() -> new SlaCompliance(Deadline.RESPONSE, 3, 1, 1, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("add up to judged 3");
  }

  @Test
  @DisplayName("records in any order give the same report; a repeated (instance, sequence) is ignored, the first kept")
  void orderAndDuplicates() {
    InsightReport expected = ProcessInsight.create(P).replay("p", sample()).report(min(120));
    List<AuditRecord> shuffled = new ArrayList<>(sample());
    Collections.reverse(shuffled);
    assertThat(ProcessInsight.create(P).replay("p", shuffled).report(min(120))).isEqualTo(expected);
    ProcessInsight twice = ProcessInsight.create(P).replay("p", sample()).replay("p", sample());
    // A conflicting repeat of P-1's completion: ignored.
    twice.transitioned(rec("P-1", 2, Kind.COMPLETED, "a", "b", Q, min(0), min(100), min(90), null));
    assertThat(twice.report(min(120))).isEqualTo(expected);
  }

  @Test
  @DisplayName("a failed, retried and cancelled step is one stay: one entry, one failure, one cancellation")
  void failedRetriedCancelled() {
    List<AuditRecord> trail = List.of(started("P-9", 0),
        rec("P-9", 2, Kind.FAILED, "a", null, Q, min(0), min(5), null, null),
        rec("P-9", 3, Kind.RETRIED, "a", "a", Q, min(0), min(10), null, null),
        rec("P-9", 4, Kind.CANCELLED, "a", null, Q, min(10), min(20), null, null));
    InsightReport report = ProcessInsight.create().replay("p", trail).report(min(30));
    InsightFigures a = step(report, "a");
    assertThat(List.of(a.entered(), a.failed(), a.cancelled(), a.completed(), a.backlog()))
        .containsExactly(1L, 1L, 1L, 0L, 0L);
    assertThat(a.delay()).isEqualTo(Duration.ofMinutes(20));
    InsightFigures p = report.processes().get(0);
    assertThat(List.of(p.entered(), p.cancelled(), p.backlog())).containsExactly(1L, 1L, 0L);
    // Open while failed: in the backlog at the step.
    assertThat(step(ProcessInsight.create().replay("p", trail).report(min(7)), "a").backlog()).isEqualTo(1);
  }

  @Test
  @DisplayName("transitions after the report's time are left out")
  void asOf() {
    InsightReport early = ProcessInsight.create(P).replay("p", sample()).report(min(15));
    InsightFigures a = step(early, "a");
    // At 15 minutes only P-1 (done at 11) has left a.
    assertThat(List.of(a.entered(), a.completed(), a.backlog())).containsExactly(4L, 1L, 3L);
    assertThat(early.from()).isEqualTo(T0);
  }

  @Test
  @DisplayName("without a process key or a definition: the process is '?' and an open step's queue unknown")
  void unknowns() {
    ProcessInsight insight = ProcessInsight.create();
    sample().forEach(insight::transitioned);
    InsightReport report = insight.report(min(120));
    assertThat(report.processes()).extracting(InsightFigures::name).containsExactly(ProcessInsight.UNKNOWN_PROCESS);
    assertThat(step(report, "b").performer()).isEmpty();
    assertThat(report.performers()).extracting(InsightFigures::name).containsExactly("queue q");
  }

  @Test
  @DisplayName("bad input: nulls, a window that ends before it starts, an instance replayed under two processes")
  void badInput() {
    ProcessInsight insight = ProcessInsight.create(P);
    assertThatThrownBy(() -> insight.transitioned(null)).isInstanceOf(NullPointerException.class)
        .hasMessage("record");
    assertThatThrownBy(() -> insight.replay(null, sample())).isInstanceOf(NullPointerException.class)
        .hasMessage("processKey");
    assertThatThrownBy(() -> insight.replay("p", Arrays.asList(started("P-1", 0), null)))
        .isInstanceOf(NullPointerException.class).hasMessage("records[1]");
    assertThatThrownBy(() -> ProcessInsight.create((ProcessDefinition) null))
        .isInstanceOf(NullPointerException.class).hasMessage("definitions[0]");
    assertThatThrownBy(() -> insight.report(null)).isInstanceOf(NullPointerException.class);
    assertThat(insight.report(T0).processes()).as("nothing taken from a refused replay").isEmpty();
    assertThatThrownBy(() -> insight.report(min(10), min(5))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must not end before it starts");
    insight.replay("p", sample());
    assertThatThrownBy(() -> insight.replay("other", List.of(started("P-6", 0), started("P-1", 0))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Instance P-1 belongs to process p, not other");
    assertThat(insight.report(min(120)).processes()).extracting(InsightFigures::name).containsExactly("p");
  }

  @Test
  @DisplayName("the bottleneck: ranked by delay, with its cause and a sentence")
  void bottleneck() {
    BottleneckReport report = sampleOver(0, 120).bottlenecks();
    // b: 4 open items since minutes 11, 22, 33 and 44: 109 + 98 + 87 + 76 = 370 min; a: 200 min.
    assertThat(report.totalDelay()).isEqualTo(Duration.ofMinutes(570));
    assertThat(report.performers()).extracting(BottleneckReport.Bottleneck::name).containsExactly("queue r", "queue q");
    BottleneckReport.Bottleneck r = report.bottleneck().orElseThrow();
    assertThat(r.cause()).isEqualTo(BottleneckReport.Cause.CAPACITY);
    assertThat(r.explanation()).isEqualTo("queue r adds 6h10m of the 9h30m of delay (65%), mostly at p/b; capacity:"
        + " 4 items arrived and 0 left, so the backlog grew by 4 to 4 (oldest 1h49m): more arrives than is"
        + " completed, add capacity");
    BottleneckReport.Bottleneck q = report.performers().get(1);
    assertThat(q.cause()).isEqualTo(BottleneckReport.Cause.WAITING);
    assertThat(q.explanation()).endsWith("waiting: items wait a median 25m before anyone takes them (work 2m30s):"
        + " add people or have them pick work up more often");
    assertThat(report.toText()).startsWith("Bottlenecks from 2026-03-02T09:00:00Z to 2026-03-02T11:00:00Z: 9h30m of"
        + " delay in all\nBottleneck: queue r adds 6h10m")
        .contains("  2. queue q: 3h20m (35%), waiting; wait median 25m, work median 2m30s; in 5, out 4, backlog 1 (+1)");
  }

  @Test
  @DisplayName("reports read back from JSON as equal values, with the documented field names")
  void jsonRoundTrip() throws Exception {
    ObjectMapper mapper = Cemkit.objectMapper();
    InsightReport report = ProcessInsight.create(P).replay("p", sample()).report(min(120));
    String json = mapper.writeValueAsString(report);
    assertThat(mapper.readValue(json, InsightReport.class)).isEqualTo(report);
    assertThat(json).contains("\"waitTime\":{\"count\":4,\"max\":\"PT40M\",\"median\":\"PT25M\",\"min\":\"PT10M\","
        + "\"p90\":\"PT37M\",\"total\":\"PT1H40M\"}").contains("\"performer\":{\"queue\":\"q\"}")
        .contains("\"sla\":[{\"atRisk\":1,\"breached\":1,\"deadline\":\"RESPONSE\",\"judged\":3,\"onTime\":1}");
    BottleneckReport bottlenecks = report.bottlenecks();
    String text = mapper.writeValueAsString(bottlenecks);
    assertThat(mapper.readValue(text, BottleneckReport.class)).isEqualTo(bottlenecks);
    assertThat(text).contains("\"cause\":\"CAPACITY\"").contains("\"name\":\"queue r\"")
        .contains("\"totalDelay\":\"PT9H30M\"");
  }

  @Test
  @DisplayName("durations read as people write them")
  void durationText() {
    assertThat(List.of(Duration.ZERO, Duration.ofMillis(250), Duration.ofSeconds(45), Duration.ofSeconds(390),
        Duration.ofMinutes(52), Duration.ofMinutes(250), Duration.ofHours(4), Duration.ofHours(51)))
        .extracting(InsightReport::duration)
        .containsExactly("0s", "250ms", "45s", "6m30s", "52m", "4h10m", "4h", "2d3h");
  }
}
