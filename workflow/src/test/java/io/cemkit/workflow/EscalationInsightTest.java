package io.cemkit.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import io.cemkit.core.CustomerId;
import io.cemkit.core.ProcessInstanceId;
import io.cemkit.core.SlaTarget;
import io.cemkit.core.VirtualClock;
import io.cemkit.workflow.spi.AuditLog;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link ProcessInsight} heard live and replayed from the audit log agree for instances whose items
 * SLA escalations moved or raised: the {@link AuditRecord.Kind#ESCALATED} records say where an open
 * item is, so both count it under the same queue.
 */
class EscalationInsightTest {
  private static final CustomerId DANA = CustomerId.of("C-DANA");
  /** Monday 2026-03-02, 09:00 UTC. */
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  private static final Performer AGENTS = Performer.queue("agents");
  private static final Performer SUPERVISORS = Performer.queue("supervisors");
  /**
   * Each queue and the odds (1 in n per tick) that someone takes an item from it: the specialists are few. Sorted,
   * so that a seed makes the same run in every JVM ({@code Map.of} iterates in an order salted per JVM).
   */
  private static final Map<String, Integer> CLAIM_ODDS = new TreeMap<>(Map.of("agents", 2, "supervisors", 3,
      "specialists", 10, "leads", 5));

  /** answer (agents): to the supervisors when the one-hour response is breached. */
  private static final ProcessDefinition CARE = ProcessDefinition.builder("care", 1)
      .sla(SlaTarget.of(Duration.ofHours(1), Duration.ofHours(4)))
      .step("answer", AGENTS, "Answer").escalate(SlaAlert.RESPONSE_BREACHED, "supervisors")
      .build();

  /**
   * answer (agents; +1 at risk, to the supervisors +2 when breached), then on outcome "fix" fix
   * (specialists; to the leads when the resolution is at risk, +5 when breached).
   */
  private static final ProcessDefinition REPAIR = ProcessDefinition.builder("repair", 1)
      .sla(SlaTarget.of(Duration.ofHours(1), Duration.ofHours(3)))
      .step("answer", AGENTS, "Answer")
          .raisePriority(SlaAlert.RESPONSE_AT_RISK, 1)
          .escalate(SlaAlert.RESPONSE_BREACHED, Escalation.toQueue("supervisors").andRaisePriority(2))
          .onOutcome("fix", "fix").otherwiseEnd()
      .step("fix", Performer.queue("specialists"), "Fix")
          .escalate(SlaAlert.RESOLUTION_AT_RISK, "leads")
          .raisePriority(SlaAlert.RESOLUTION_BREACHED, 5)
      .build();

  private final VirtualClock clock = VirtualClock.at(T0);
  private final AuditLog audit = AuditLog.inMemory();

  private static Instant min(long minutes) {
    return T0.plus(Duration.ofMinutes(minutes));
  }

  private void at(long minutes) {
    clock.advance(Duration.between(clock.instant(), min(minutes)));
  }

  private static InsightFigures performer(InsightReport report, Performer performer) {
    return report.performers().stream().filter(f -> f.performer().equals(Optional.of(performer))).findFirst()
        .orElseThrow(() -> new AssertionError(performer + " not in " + report.performers()));
  }

  private InsightReport replayed(ProcessDefinition definition, String process, List<ProcessInstanceId> ids,
      Instant asOf) {
    List<AuditRecord> all = new ArrayList<>();
    ids.forEach(id -> all.addAll(audit.records(id)));
    return ProcessInsight.create(definition).replay(process, all).report(asOf);
  }

  @Test
  @DisplayName("an escalated item counts, whole, under the queue it moved to, live and replayed alike; a step's "
      + "other open item stays under the step's queue; escalations are not judged against the SLA")
  void byHand() {
    ProcessInsight live = ProcessInsight.create(CARE);
    WorkflowEngine engine = WorkflowEngine.builder().clock(clock).audit(audit).node("n").listener(live).build()
        .deploy(CARE);
    List<ProcessInstanceId> ids = new ArrayList<>();
    ids.add(engine.start(StartRequest.of("care", DANA, "c-1")).id());
    at(10);
    ids.add(engine.start(StartRequest.of("care", DANA, "c-2")).id());
    at(30);
    ids.add(engine.start(StartRequest.of("care", DANA, "c-3")).id());
    at(61);
    engine.checkDeadlines();
    at(70);
    WorkItem held = engine.claimNext("supervisors", "boss").orElseThrow();
    at(71);
    engine.checkDeadlines();
    at(80);
    engine.complete(held.id(), held.token(), StepResult.of("answered"));
    at(85);
    engine.checkDeadlines();

    // Before any escalation, all three wait at the agents; after the first, one is the supervisors'.
    for (long asOf : List.of(60L, 65L, 85L)) {
      assertThat(live.report(min(asOf))).as("as of minute %d", asOf)
          .isEqualTo(replayed(CARE, "care", ids, min(asOf)));
    }
    assertThat(live.report(min(60)).performers()).singleElement()
        .satisfies(f -> assertThat(f.backlog()).isEqualTo(3));
    InsightReport at65 = live.report(min(65));
    assertThat(performer(at65, AGENTS).backlog()).isEqualTo(2);
    assertThat(performer(at65, SUPERVISORS).backlog()).isEqualTo(1);

    InsightReport report = live.report(min(85));
    InsightFigures agents = performer(report, AGENTS);
    InsightFigures supervisors = performer(report, SUPERVISORS);
    InsightFigures answer = report.steps().get(0);
    assertSoftly(soft -> {
      soft.assertThat(agents.entered()).isEqualTo(1);
      soft.assertThat(agents.backlog()).isEqualTo(1);
      soft.assertThat(agents.oldestSince()).contains(min(30));
      soft.assertThat(agents.delay()).isEqualTo(Duration.ofMinutes(55));
      // P-n-1 (done at 80, claimed at 70: its 70 minutes' wait, first at the agents, are the supervisors') and
      // P-n-2 (open since 10, moved at 71).
      soft.assertThat(supervisors.entered()).isEqualTo(2);
      soft.assertThat(supervisors.completed()).isEqualTo(1);
      soft.assertThat(supervisors.backlog()).isEqualTo(1);
      soft.assertThat(supervisors.oldestSince()).contains(min(10));
      soft.assertThat(supervisors.waitTime().total()).isEqualTo(Duration.ofMinutes(70));
      soft.assertThat(supervisors.workTime().total()).isEqualTo(Duration.ofMinutes(10));
      soft.assertThat(supervisors.delay()).isEqualTo(Duration.ofMinutes(80 + 75));
      soft.assertThat(answer.name()).isEqualTo("care/answer");
      soft.assertThat(answer.entered()).isEqualTo(3);
      soft.assertThat(answer.completed()).isEqualTo(1);
      soft.assertThat(answer.backlog()).isEqualTo(2);
      soft.assertThat(answer.delay()).isEqualTo(Duration.ofMinutes(80 + 75 + 55));
      soft.assertThat(answer.performer()).contains(AGENTS);
      // One completion left the step, breached; the two ESCALATED records (both breached) are not judged.
      soft.assertThat(answer.sla()).containsExactly(new SlaCompliance(SlaVerdict.Deadline.RESPONSE, 1, 0, 0, 1));
      soft.assertThat(report.processes().get(0).sla())
          .containsExactly(new SlaCompliance(SlaVerdict.Deadline.RESPONSE, 4, 3, 0, 1));
      soft.assertThat(report.bottlenecks().bottleneck().orElseThrow().name()).isEqualTo("queue supervisors");
    });
  }

  @Test
  @DisplayName("a replay counts a step's open item under the step's queue although the last item to leave the "
      + "step had been escalated, as live does")
  void openItemAfterAnEscalatedOne() {
    ProcessInsight live = ProcessInsight.create(CARE);
    WorkflowEngine engine = WorkflowEngine.builder().clock(clock).audit(audit).node("n").listener(live).build()
        .deploy(CARE);
    List<ProcessInstanceId> ids = new ArrayList<>();
    ids.add(engine.start(StartRequest.of("care", DANA, "c-1")).id());
    at(61);
    engine.checkDeadlines();
    WorkItem held = engine.claimNext("supervisors", "boss").orElseThrow();
    engine.complete(held.id(), held.token(), StepResult.of("answered"));
    at(62);
    ids.add(engine.start(StartRequest.of("care", DANA, "c-2")).id());
    at(70);

    InsightReport report = live.report(min(70));
    assertThat(report).isEqualTo(replayed(CARE, "care", ids, min(70)));
    // Without definitions the replay has nothing but the trail; the escalated completion does not name the step's
    // queue, so the open item is counted under no performer rather than under the supervisors.
    List<AuditRecord> all = new ArrayList<>();
    ids.forEach(id -> all.addAll(audit.records(id)));
    InsightReport bare = ProcessInsight.create().replay("care", all).report(min(70));
    assertThat(bare.performers()).extracting(InsightFigures::name, InsightFigures::backlog)
        .containsExactly(tuple("queue supervisors", 0L));
    assertThat(performer(report, AGENTS).backlog()).isEqualTo(1);
    assertThat(performer(report, SUPERVISORS).backlog()).isZero();
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34})
  @DisplayName("seeded runs with escalations, claims, releases, completions and cancels: live insight equals the "
      + "replayed audit log as of every checkpoint and over a window, and each queue's backlog is its open items")
  void liveEqualsReplay(long seed) {
    Random random = new Random(seed);
    ProcessInsight live = ProcessInsight.create(REPAIR);
    WorkflowEngine engine = WorkflowEngine.builder().clock(clock).audit(audit).node("n").listener(live).build()
        .deploy(REPAIR);
    List<ProcessInstanceId> ids = new ArrayList<>();
    Map<WorkItemId, WorkItem> held = new LinkedHashMap<>();
    List<Instant> checkpoints = new ArrayList<>();
    List<Map<String, Long>> openAt = new ArrayList<>();
    for (int tick = 0; tick < 160; tick++) {
      clock.advance(Duration.ofMinutes(1 + random.nextInt(12)));
      if (ids.size() < 50 && random.nextInt(3) == 0) {
        ids.add(engine.start(StartRequest.of("repair", DANA, "k-" + ids.size())).id());
      }
      if (random.nextInt(3) > 0) {
        engine.checkDeadlines();
      }
      for (Map.Entry<String, Integer> queue : CLAIM_ODDS.entrySet()) {
        if (random.nextInt(queue.getValue()) == 0) {
          engine.claimNext(queue.getKey(), "person-" + random.nextInt(4)).ifPresent(w -> held.put(w.id(), w));
        }
      }
      Iterator<WorkItem> hands = held.values().iterator();
      while (hands.hasNext()) {
        WorkItem w = hands.next();
        Optional<WorkItem> now = engine.workItem(w.id());
        if (now.isEmpty() || !now.get().token().equals(w.token())) {
          hands.remove(); // Escalated to another queue (a new token) or cancelled: the holder lost it.
          continue;
        }
        int roll = random.nextInt(10);
        if (roll < 3) {
          engine.complete(w.id(), w.token(), StepResult.of(random.nextBoolean() ? "fix" : "done"));
          hands.remove();
        } else if (roll == 3) {
          engine.release(w.id(), w.claimedBy().orElseThrow());
          hands.remove();
        }
      }
      if (random.nextInt(25) == 0 && !ids.isEmpty()) {
        ProcessInstanceId victim = ids.get(random.nextInt(ids.size()));
        if (!engine.instance(victim).orElseThrow().status().ended()) {
          engine.cancel(victim, "agent-9", "withdrawn");
        }
      }
      if (tick % 4 == 3) {
        checkpoints.add(clock.instant());
        openAt.add(openItems(engine, ids));
      }
    }
    Instant end = clock.instant();

    List<AuditRecord> all = new ArrayList<>();
    ids.forEach(id -> all.addAll(audit.records(id)));
    ProcessInsight replay = ProcessInsight.create(REPAIR).replay("repair", all);
    for (int i = 0; i < checkpoints.size(); i++) {
      Instant asOf = checkpoints.get(i);
      InsightReport report = live.report(asOf);
      assertThat(report).as("seed %d, as of %s", seed, asOf).isEqualTo(replay.report(asOf));
      // Each queue's backlog is the open items in it then, held or not, escalated or not.
      Map<String, Long> backlog = new TreeMap<>();
      report.performers().stream().filter(f -> f.backlog() > 0).forEach(f -> backlog.put(f.name(), f.backlog()));
      assertThat(backlog).as("seed %d, backlog as of %s", seed, asOf).isEqualTo(openAt.get(i));
    }
    Instant mid = checkpoints.get(checkpoints.size() / 2);
    assertThat(live.report(mid, end)).as("seed %d, window", seed).isEqualTo(replay.report(mid, end));
    assertThat(live.report(end).bottlenecks()).isEqualTo(replay.report(end).bottlenecks());

    // Not vacuous: items were moved and raised at both steps, and moved items were open at some checkpoint.
    Map<String, Long> escalations = new HashMap<>();
    all.stream().filter(r -> r.kind() == AuditRecord.Kind.ESCALATED)
        .forEach(r -> escalations.merge(r.outcome().orElseThrow(), 1L, Long::sum));
    assertThat(escalations).as("seed %d", seed).containsKeys(SlaAlert.RESPONSE_AT_RISK.name(),
        SlaAlert.RESPONSE_BREACHED.name(), SlaAlert.RESOLUTION_AT_RISK.name());
    assertThat(openAt).as("seed %d: open items per queue at the checkpoints", seed)
        .anySatisfy(open -> assertThat(open).containsKey("queue supervisors"))
        .anySatisfy(open -> assertThat(open).containsKey("queue leads"));
  }

  /** The open items of the instances per queue (the item's performer, as {@code queue agents}). */
  private static Map<String, Long> openItems(WorkflowEngine engine, List<ProcessInstanceId> ids) {
    Map<String, Long> open = new TreeMap<>();
    for (ProcessInstanceId id : ids) {
      engine.instance(id).orElseThrow().workItem().flatMap(engine::workItem)
          .ifPresent(w -> open.merge(w.performer().toString(), 1L, Long::sum));
    }
    return open;
  }
}
