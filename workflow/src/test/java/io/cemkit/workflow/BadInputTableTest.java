package io.cemkit.workflow;

import io.cemkit.core.AgreementId;
import io.cemkit.core.Channel;
import io.cemkit.core.Continuation;
import io.cemkit.core.Continuations;
import io.cemkit.core.CustomerId;
import io.cemkit.core.InteractionTaxonomy;
import io.cemkit.core.Interactions;
import io.cemkit.core.ProcessInstanceId;
import io.cemkit.core.ProviderId;
import io.cemkit.core.SlaTarget;
import io.cemkit.core.spi.AgreementStore;
import io.cemkit.core.spi.ContinuationStore;
import io.cemkit.core.spi.CustomerStore;
import io.cemkit.core.spi.InteractionLog;
import io.cemkit.core.testing.BadInputTable;
import io.cemkit.core.testing.BadInputTable.Row;
import io.cemkit.core.testing.BadInputTable.Table;
import io.cemkit.workflow.spi.SlaResolver;
import java.io.IOException;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;


/**
 * The bad-input table of {@code cemkit-workflow} (issue #10, the reliability gate): every public factory of
 * {@code io.cemkit.workflow} and {@code io.cemkit.workflow.spi}, called with one invalid value at a time, must
 * throw the documented exception type with a message that names the field and renders the offending value.
 *
 * <p>Each row is a display name, the factory it exercises (its key, e.g. {@code StartRequest.of(String,
 * CustomerId,String)}), a call with exactly one bad value, the expected exception type and the fragments its
 * message must contain. A {@link NullPointerException} must come from {@code Objects.requireNonNull} (its top
 * frame is {@code java.util.Objects}), not from a null met deep inside. A definition that does not hold
 * together raises {@link InvalidDefinitionException}, which lists every problem.
 *
 *
 * <h2>How the list of factories is derived</h2>
 *
 * <p>{@link #everyPublicFactoryHasARow()} walks the compiled classes of the two packages (the directory that holds
 * {@code WorkflowEngine.class}) and finds the public factories by the rules of
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
  private static final CustomerId DANA = CustomerId.of("C-1");
  private static final ProcessInstanceId P1 = ProcessInstanceId.of("P-1");
  private static final WorkItemId W1 = WorkItemId.of("W-1");
  private static final LocalTime NINE = LocalTime.of(9, 0);
  private static final LocalTime FIVE = LocalTime.of(17, 0);
  private static final io.cemkit.workflow.spi.Catalog NO_OFFERS = (offer, customer, start) -> {
    throw new IllegalStateException("no offers in this table");
  };

  /** Factories without rows, and why. */
  private static final Map<String, String> EXEMPT = Map.of(
      "DunningPolicy.ofDefaults()", "takes no value and has no overrides; the canonical constructor has the rows");

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
  @DisplayName("every public factory of io.cemkit.workflow and io.cemkit.workflow.spi has a row or a reason")
  void everyPublicFactoryHasARow() throws IOException, URISyntaxException {
    BadInputTable.assertEveryFactoryHasARow(WorkflowEngine.class, ROWS, EXEMPT, "io.cemkit.workflow",
        "io.cemkit.workflow.spi");
  }

  // ------------------------------------------------------------------------------------------------ the table

  private static List<Row> table() {
    Table t = new Table();
    requests(t);
    performers(t);
    definitions(t);
    engine(t);
    records(t);
    reports(t);
    calendars(t);
    crm(t);
    return List.copyOf(t.rows());
  }

  private static void requests(Table t) {
    t.on("StartRequest.of(String,CustomerId,String)")
        .npe("processKey null", () -> StartRequest.of(null, DANA, "k"), "StartRequest.processKey")
        .npe("customer null", () -> StartRequest.of("p", null, "k"), "customer")
        .npe("idempotencyKey null", () -> StartRequest.of("p", DANA, null), "StartRequest.idempotencyKey")
        .iae("processKey blank", () -> StartRequest.of(" ", DANA, "k"), "StartRequest.processKey", "U+0020")
        .iae("processKey empty", () -> StartRequest.of("", DANA, "k"), "StartRequest.processKey", "was 0")
        .iae("idempotencyKey blank", () -> StartRequest.of("p", DANA, " "), "StartRequest.idempotencyKey", "blank")
        .iae("idempotencyKey too long", () -> StartRequest.of("p", DANA, "k".repeat(201)),
            "StartRequest.idempotencyKey", "at most 200", "was 201");
    t.on("new StartRequest(String,Optional,CustomerId,Optional,Map,String)")
        .npe("version null", () -> new StartRequest("p", null, DANA, Optional.empty(), Map.of(), "k"), "version")
        .npe("agreement null", () -> new StartRequest("p", Optional.empty(), DANA, null, Map.of(), "k"), "agreement")
        .npe("variables null", () -> new StartRequest("p", Optional.empty(), DANA, Optional.empty(), null, "k"),
            "variables")
        .iae("version 0", () -> new StartRequest("p", Optional.of(0), DANA, Optional.empty(), Map.of(), "k"),
            "StartRequest.version", "at least 1", "was 0")
        .iae("a variable name blank", () -> new StartRequest("p", Optional.empty(), DANA, Optional.empty(),
            Map.of(" ", 1), "k"), "StartRequest variable name", "U+0020")
        .iae("a variable of another type", () -> new StartRequest("p", Optional.empty(), DANA, Optional.empty(),
            Map.of("when", LocalTime.NOON), "k"), "StartRequest variable 'when'", "java.time.LocalTime",
            "allowed types")
        .iae("a variable NaN", () -> new StartRequest("p", Optional.empty(), DANA, Optional.empty(),
            Map.of("x", Double.NaN), "k"), "StartRequest variable 'x'", "Double NaN", "finite")
        .npe("a variable null", () -> new StartRequest("p", Optional.empty(), DANA, Optional.empty(),
            nullVariable(), "k"), "StartRequest variable 'x' is null");

    t.on("new StartRequest(String,Optional,CustomerId,Optional,Map,String,int)")
        .npe("customer null", () -> new StartRequest("p", Optional.empty(), null, Optional.empty(), Map.of(), "k", 3),
            "customer")
        .iae("version 0", () -> new StartRequest("p", Optional.of(0), DANA, Optional.empty(), Map.of(), "k", 3),
            "StartRequest.version", "at least 1", "was 0");

    t.on("Escalation.toQueue(String)")
        .npe("queue null", () -> Escalation.toQueue(null), "Performer.Queue")
        .iae("queue blank", () -> Escalation.toQueue(" "), "Performer.Queue", "U+0020");
    t.on("Escalation.raisePriority(int)")
        .iae("by 0", () -> Escalation.raisePriority(0), "Escalation priority raise", "at least 1", "was 0")
        .iae("by -3", () -> Escalation.raisePriority(-3), "Escalation priority raise", "at least 1", "was -3");

    t.on("StepResult.of(String)")
        .npe("outcome null", () -> StepResult.of(null), "StepResult.outcome")
        .iae("outcome blank", () -> StepResult.of(" "), "StepResult.outcome", "U+0020");
    t.on("StepResult.of(String,Map)")
        .npe("variables null", () -> StepResult.of("done", null), "variables")
        .iae("a variable name with a space", () -> StepResult.of("done", Map.of("a b", 1)),
            "StepResult variable name", "U+0020 at index 1")
        .iae("a variable of another type", () -> StepResult.of("done", Map.of("x", new Object())),
            "StepResult variable 'x'", "java.lang.Object", "cannot be stored")
        .iae("a variable infinite", () -> StepResult.of("done", Map.of("x", Double.POSITIVE_INFINITY)),
            "StepResult variable 'x'", "Double Infinity");

    t.on("RouteCondition.outcomeIs(String)").npe("outcome null", () -> RouteCondition.outcomeIs(null), "outcome");
    t.on("RouteContext.of(String,String,Map)")
        .npe("step null", () -> RouteContext.of(null, "done", Map.of()), "step")
        .npe("outcome null", () -> RouteContext.of("a", null, Map.of()), "outcome")
        .npe("variables null", () -> RouteContext.of("a", "done", null), "variables");
  }

  private static void performers(Table t) {
    code(t, "Performer.queue(String)", "Performer.Queue", Performer::queue);
    code(t, "Performer.partner(String)", "Performer.Partner", Performer::partner);
    code(t, "Performer.automated(String)", "Performer.Automated", Performer::automated);
    t.on("new Performer.Queue(String)").iae("starting with '-'", () -> new Performer.Queue("-q"), "Performer.Queue",
        "'-' at index 0");
    t.on("new Performer.Partner(String)").iae("too long", () -> new Performer.Partner(TOO_LONG),
        "Performer.Partner", "was 129");
    t.on("new Performer.Automated(String)").npe("null", () -> new Performer.Automated(null),
        "Performer.Automated");
    t.on("Performer.timer(Duration)")
        .npe("delay null", () -> Performer.timer(null), "delay")
        .iae("delay zero", () -> Performer.timer(Duration.ZERO), "Performer.Timer delay", "positive", "was PT0S")
        .iae("delay negative", () -> Performer.timer(Duration.ofHours(-1)), "Performer.Timer delay", "was PT-1H")
        .iae("delay beyond the maximum", () -> Performer.timer(Duration.ofDays(36_501)), "Performer.Timer delay",
            "at most " + Performer.Timer.MAX_DELAY, "was PT876024H");
    t.on("Performer.timer(Duration,String)")
        .npe("calendar null", () -> Performer.timer(Duration.ofHours(1), null), "calendar")
        .iae("calendar blank", () -> Performer.timer(Duration.ofHours(1), " "), "Performer.Timer calendar",
            "U+0020");
    t.on("new Performer.Timer(Duration,Optional)")
        .npe("calendar null", () -> new Performer.Timer(Duration.ofHours(1), null), "calendar")
        .iae("calendar empty", () -> new Performer.Timer(Duration.ofHours(1), Optional.of("")),
            "Performer.Timer calendar", "was 0");
  }

  private static void code(Table t, String factory, String type, Function<String, ?> of) {
    t.on(factory)
        .npe("null", () -> of.apply(null), type)
        .iae("empty", () -> of.apply(""), type, "1 to 128 characters", "was 0")
        .iae("blank", () -> of.apply(" "), type, "invalid character U+0020 at index 0")
        .iae("129 characters", () -> of.apply(TOO_LONG), type, "was 129");
  }

  private static void definitions(Table t) {
    t.on("ProcessDefinition.builder(String,int)")
        .npe("key null", () -> ProcessDefinition.builder(null, 1), "ProcessDefinition.key")
        .iae("key blank", () -> ProcessDefinition.builder(" ", 1), "ProcessDefinition.key", "U+0020")
        .iae("version 0", () -> ProcessDefinition.builder("p", 0), "ProcessDefinition p", "version",
            "at least 1", "was 0")
        .iae("name blank", () -> ProcessDefinition.builder("p", 1).name(" "), "ProcessDefinition.name", "blank")
        .iae("name too long", () -> ProcessDefinition.builder("p", 1).name("n".repeat(201)),
            "ProcessDefinition.name", "was 201")
        .npe("retention null", () -> ProcessDefinition.builder("p", 1).retention(null), "retention")
        .iae("retention zero", () -> ProcessDefinition.builder("p", 1).retention(Duration.ZERO),
            "ProcessDefinition p", "retention must be positive", "was PT0S")
        .iae("serviceType blank", () -> ProcessDefinition.builder("p", 1).serviceType(""),
            "ProcessDefinition.serviceType", "blank")
        .npe("sla null", () -> ProcessDefinition.builder("p", 1).sla(null), "sla")
        .iae("a step id blank", () -> ProcessDefinition.builder("p", 1).step(" ", Performer.queue("q"), "A"),
            "Step.id", "U+0020")
        .npe("a step performer null", () -> ProcessDefinition.builder("p", 1).step("a", null, "A"), "performer")
        .iae("a step action blank", () -> ProcessDefinition.builder("p", 1).step("a", Performer.queue("q"), " "),
            "Step.action", "blank")
        .iae("a route description blank", () -> step().when(" ", c -> true, "b"), "Route.description", "blank")
        .npe("a route condition null", () -> step().when("always", null, "b"), "condition")
        .iae("a route target blank", () -> step().otherwise(" "), "Route.target", "U+0020")
        .iae("a route outcome blank", () -> step().onOutcome(" ", "b"), "Route outcome", "U+0020")
        .iae("an automated step escalating", () -> ProcessDefinition.builder("p", 1)
            .step("a", Performer.automated("h"), "A").escalate(SlaAlert.RESPONSE_BREACHED, "supervisors"),
            "step 'a' is automated", "cannot escalate")
        .iae("an escalation twice", () -> step().escalate(SlaAlert.RESPONSE_BREACHED, "s")
            .escalate(SlaAlert.RESPONSE_BREACHED, "s"), "step 'a' escalates RESPONSE_BREACHED twice")
        .raises(InvalidDefinitionException.class, "no step", () -> ProcessDefinition.builder("p", 1).build(),
            "Process definition p v1 is invalid", "it has no steps")
        .raises(InvalidDefinitionException.class, "a route to an unknown step", () -> step().then("zz").build(),
            "Process definition p v1 is invalid", "step 'a' routes to unknown step 'zz'")
        .raises(InvalidDefinitionException.class, "a step twice", () -> step().step("a", Performer.queue("q"), "A")
            .build(), "step 'a' is defined twice")
        .raises(InvalidDefinitionException.class, "only conditional routes", () -> step().when("never", c -> false,
            "a").build(), "step 'a' has only conditional routes");

    ProcessDefinition definition = step().build();
    t.on("ProcessDefinitionJson.read(String,Map)")
        .npe("json null", () -> ProcessDefinitionJson.read((String) null, Map.of()), "json")
        .npe("conditions null", () -> ProcessDefinitionJson.read(ProcessDefinitionJson.write(definition), null),
            "conditions")
        .npe("a condition null", () -> ProcessDefinitionJson.read(ProcessDefinitionJson.write(definition),
            nullCondition()), "conditions: condition 'x' is null")
        .raises(InvalidDefinitionException.class, "empty", () -> ProcessDefinitionJson.read("", Map.of()),
            "the input is empty")
        .raises(InvalidDefinitionException.class, "not an object", () -> ProcessDefinitionJson.read("[1]", Map.of()),
            "expected an object")
        .raises(InvalidDefinitionException.class, "malformed", () -> ProcessDefinitionJson.read("{\"key\": ",
            Map.of()), "Process definition (unknown) is invalid")
        .raises(InvalidDefinitionException.class, "version 0", () -> ProcessDefinitionJson.read(
            ProcessDefinitionJson.write(definition).replace("\"version\": 1", "\"version\": 0"), Map.of()),
            "version", "from 1", "was the number 0");
    t.on("ProcessDefinitionJson.read(Reader,Map)")
        .npe("json null", () -> ProcessDefinitionJson.read((java.io.Reader) null, Map.of()), "json")
        .raises(InvalidDefinitionException.class, "a key blank", () -> ProcessDefinitionJson.read(new StringReader(
            ProcessDefinitionJson.write(definition).replace("\"key\": \"p\"", "\"key\": \" \"")), Map.of()),
            "key", "U+0020");
    t.on("ProcessDefinitionJson.write(ProcessDefinition)")
        .npe("definition null", () -> ProcessDefinitionJson.write(null), "definition");

    t.on("ProcessInsight.create(ProcessDefinition[])")
        .npe("definitions null", () -> ProcessInsight.create((ProcessDefinition[]) null), "definitions")
        .npe("a definition null", () -> ProcessInsight.create(definition, null), "definitions[1]");
  }

  private static void engine(Table t) {
    t.on("WorkflowEngine.builder()")
        .npe("clock null", () -> WorkflowEngine.builder().clock(null), "clock")
        .npe("handler null", () -> WorkflowEngine.builder().handler("h", null), "handler")
        .iae("a handler twice", () -> WorkflowEngine.builder().handler("h", c -> StepResult.of("done"))
            .handler("h", c -> StepResult.of("done")), "handler 'h' is registered twice")
        .npe("audit null", () -> WorkflowEngine.builder().audit(null), "audit")
        .npe("listener null", () -> WorkflowEngine.builder().listener(null), "listener")
        .npe("capacity null", () -> WorkflowEngine.builder().capacity(null), "capacity")
        .npe("store null", () -> WorkflowEngine.builder().store(null), "store")
        .npe("calendar null", () -> WorkflowEngine.builder().calendar("office", null), "calendar")
        .iae("a calendar id blank", () -> WorkflowEngine.builder().calendar(" ", BusinessCalendar.always()),
            "calendar id", "U+0020")
        .iae("a calendar twice", () -> WorkflowEngine.builder().calendar("office", BusinessCalendar.always())
            .calendar("office", BusinessCalendar.always()), "calendar 'office' is registered twice")
        .npe("slaResolver null", () -> WorkflowEngine.builder().slaResolver(null), "resolver")
        .iae("slaWarningShare 1", () -> WorkflowEngine.builder().slaWarningShare(1), "slaWarningShare",
            "strictly between 0 and 1", "was 1.0")
        .iae("slaWarningShare NaN", () -> WorkflowEngine.builder().slaWarningShare(Double.NaN), "slaWarningShare",
            "was NaN")
        .iae("node blank", () -> WorkflowEngine.builder().node(" "), "WorkflowEngine.node", "U+0020");
    t.on("SlaResolver.fromAgreements(AgreementStore)")
        .npe("agreements null", () -> SlaResolver.fromAgreements(null), "agreements");
  }

  private static void records(Table t) {
    t.on("WorkItemId.of(String)")
        .npe("null", () -> WorkItemId.of(null), "WorkItemId")
        .iae("empty", () -> WorkItemId.of(""), "WorkItemId", "was 0")
        .iae("blank", () -> WorkItemId.of(" "), "WorkItemId", "U+0020");
    t.on("new WorkItemId(String)").iae("too long", () -> new WorkItemId(TOO_LONG), "WorkItemId", "was 129");

    Performer queue = Performer.queue("q");
    Performer.Timer timer = new Performer.Timer(Duration.ofHours(1), Optional.empty());
    t.on("WorkItem.unclaimed(WorkItemId,ProcessInstanceId,String,Performer,Instant,String)")
        .npe("id null", () -> WorkItem.unclaimed(null, P1, "a", queue, T, "tok"), "id")
        .npe("instance null", () -> WorkItem.unclaimed(W1, null, "a", queue, T, "tok"), "instance")
        .npe("step null", () -> WorkItem.unclaimed(W1, P1, null, queue, T, "tok"), "step")
        .npe("performer null", () -> WorkItem.unclaimed(W1, P1, "a", null, T, "tok"), "performer")
        .npe("createdAt null", () -> WorkItem.unclaimed(W1, P1, "a", queue, null, "tok"), "createdAt")
        .npe("token null", () -> WorkItem.unclaimed(W1, P1, "a", queue, T, null), "token")
        .iae("a timer without a due time", () -> WorkItem.unclaimed(W1, P1, "a", timer, T, "tok"), "WorkItem W-1",
            "has no dueAt");
    t.on("WorkItem.unclaimed(WorkItemId,ProcessInstanceId,String,Performer,Instant,String,int)")
        .npe("token null", () -> WorkItem.unclaimed(W1, P1, "a", queue, T, null, 2), "token")
        .iae("step blank", () -> WorkItem.unclaimed(W1, P1, " ", queue, T, "tok", 2), "WorkItem W-1", "step",
            "was ' '")
        .iae("token blank", () -> WorkItem.unclaimed(W1, P1, "a", queue, T, "", 2), "WorkItem W-1", "token",
            "was ''")
        .iae("a timer at priority 2", () -> new WorkItem(W1, P1, "a", timer, T, Optional.empty(), Optional.empty(),
            "tok", Optional.empty(), Optional.of(T), 2), "WorkItem W-1", "priority 2", "its priority is 0");
    t.on("WorkItem.timer(WorkItemId,ProcessInstanceId,String,Timer,Instant,String,Instant)")
        .npe("dueAt null", () -> WorkItem.timer(W1, P1, "a", timer, T, "tok", null), "dueAt")
        .npe("timer null", () -> WorkItem.timer(W1, P1, "a", null, T, "tok", T), "performer");
    t.on("new WorkItem(WorkItemId,ProcessInstanceId,String,Performer,Instant,Optional,Optional,String,Optional,"
        + "Optional)")
        .iae("a lease without a holder", () -> new WorkItem(W1, P1, "a", queue, T, Optional.empty(),
            Optional.empty(), "tok", Optional.of(T), Optional.empty()), "WorkItem W-1",
            "leasedUntil 2026-01-01T10:00:00Z", "without a holder")
        .iae("a due time on a queue's item", () -> new WorkItem(W1, P1, "a", queue, T, Optional.empty(),
            Optional.empty(), "tok", Optional.empty(), Optional.of(T)), "WorkItem W-1",
            "dueAt 2026-01-01T10:00:00Z", "only a timer's item")
        .iae("a timer's item held", () -> new WorkItem(W1, P1, "a", timer, T, Optional.of("agent"),
            Optional.of(T), "tok", Optional.empty(), Optional.of(T)), "WorkItem W-1", "held by agent");
    t.on("new WorkItem(WorkItemId,ProcessInstanceId,String,Performer,Instant,Optional,Optional,String,Optional,"
        + "Optional,int)")
        .npe("createdAt null", () -> new WorkItem(W1, P1, "a", queue, null, Optional.empty(), Optional.empty(),
            "tok", Optional.empty(), Optional.empty(), 1), "createdAt")
        .iae("a lease without a holder at priority 1", () -> new WorkItem(W1, P1, "a", queue, T, Optional.empty(),
            Optional.empty(), "tok", Optional.of(T), Optional.empty(), 1), "WorkItem W-1", "without a holder");
    t.on("new WorkItem(WorkItemId,ProcessInstanceId,String,Performer,Instant,Optional,Optional,String,Optional)")
        .npe("token null", () -> new WorkItem(W1, P1, "a", queue, T, Optional.empty(), Optional.empty(), null,
            Optional.empty()), "token")
        .iae("a timer", () -> new WorkItem(W1, P1, "a", timer, T, Optional.empty(), Optional.empty(), "tok",
            Optional.empty()), "WorkItem W-1", "has no dueAt");

    t.on("new ProcessInstance(ProcessInstanceId,String,int,CustomerId,Optional,InstanceStatus,Optional,Optional,"
        + "Optional,Map,Instant,Optional)")
        .npe("id null", () -> instance(null, "p", 1, Optional.empty(), Map.of()), "id")
        .npe("processKey null", () -> instance(P1, null, 1, Optional.empty(), Map.of()), "ProcessInstance.processKey")
        .iae("processKey blank", () -> instance(P1, " ", 1, Optional.empty(), Map.of()),
            "ProcessInstance.processKey", "U+0020")
        .iae("version 0", () -> instance(P1, "p", 0, Optional.empty(), Map.of()), "ProcessInstance P-1",
            "version must be at least 1", "was 0")
        .npe("agreement null", () -> instance(P1, "p", 1, null, Map.of()), "agreement")
        .npe("variables null", () -> instance(P1, "p", 1, Optional.empty(), null), "variables")
        .iae("a variable of another type", () -> instance(P1, "p", 1, Optional.empty(), Map.of("x", List.of())),
            "ProcessInstance variable 'x'", "cannot be stored")
        .npe("startedAt null", () -> new ProcessInstance(P1, "p", 1, DANA, Optional.empty(), InstanceStatus.WAITING,
            Optional.empty(), Optional.empty(), Optional.empty(), Map.of(), null, Optional.empty()), "startedAt")
        .npe("endedAt null", () -> new ProcessInstance(P1, "p", 1, DANA, Optional.empty(), InstanceStatus.WAITING,
            Optional.empty(), Optional.empty(), Optional.empty(), Map.of(), T, null), "endedAt");

    ProcessInstance waiting = instance(P1, "p", 1, Optional.empty(), Map.of());
    t.on("new InstanceRecord(ProcessInstance,String,Optional,long,Instant,List,Optional,List,Optional)")
        .npe("instance null", () -> new InstanceRecord(null, "k", Optional.empty(), 0, T, List.of(), Optional.empty(),
            List.of(), Optional.empty()), "instance")
        .npe("startKey null", () -> new InstanceRecord(waiting, null, Optional.empty(), 0, T, List.of(),
            Optional.empty(), List.of(), Optional.empty()), "startKey")
        .iae("transitions negative", () -> new InstanceRecord(waiting, "k", Optional.empty(), -1, T, List.of(),
            Optional.empty(), List.of(), Optional.empty()), "InstanceRecord P-1", "transitions", "at least 0",
            "was -1")
        .npe("completed null", () -> new InstanceRecord(waiting, "k", Optional.empty(), 0, T, null,
            Optional.empty(), List.of(), Optional.empty()), "completed")
        .npe("pendingAudit null", () -> new InstanceRecord(waiting, "k", Optional.empty(), 0, T, List.of(),
            Optional.empty(), null, Optional.empty()), "pendingAudit")
        .iae("an open item the instance does not have", () -> new InstanceRecord(waiting, "k",
            Optional.of(WorkItem.unclaimed(W1, P1, "a", Performer.queue("q"), T, "tok")), 0, T, List.of(),
            Optional.empty(), List.of(), Optional.empty()), "InstanceRecord P-1", "open item", "must agree");
    t.on("new InstanceRecord(ProcessInstance,String,Optional,long,Instant,List,Optional,List,Optional,int)")
        .npe("instance null", () -> new InstanceRecord(null, "k", Optional.empty(), 0, T, List.of(), Optional.empty(),
            List.of(), Optional.empty(), 1), "instance")
        .iae("transitions negative", () -> new InstanceRecord(waiting, "k", Optional.empty(), -1, T, List.of(),
            Optional.empty(), List.of(), Optional.empty(), 1), "InstanceRecord P-1", "transitions", "was -1");
    t.on("new InstanceRecord(ProcessInstance,String,Optional,long,Instant,List,Optional,List)")
        .npe("enteredAt null", () -> new InstanceRecord(waiting, "k", Optional.empty(), 0, null, List.of(),
            Optional.empty(), List.of()), "enteredAt")
        .npe("openItem null", () -> new InstanceRecord(waiting, "k", null, 0, T, List.of(), Optional.empty(),
            List.of()), "openItem");
    t.on("InstanceRecord.CompletedItem.of(WorkItemId,String)")
        .npe("id null", () -> InstanceRecord.CompletedItem.of(null, "digest"), "id")
        .npe("tokenDigest null", () -> InstanceRecord.CompletedItem.of(W1, null), "tokenDigest");
    t.on("new InstanceRecord.CompletedItem(WorkItemId,String,Optional,Optional)")
        .iae("a next digest without a next item", () -> new InstanceRecord.CompletedItem(W1, "d", Optional.empty(),
            Optional.of("d2")), "CompletedItem W-1", "nextTokenDigest without a next item");

    t.on("new AuditRecord(ProcessInstanceId,long,Kind,Optional,Optional,Optional,String,Instant,Instant,Optional,"
        + "Optional,Optional,int)")
        .iae("a priority on a STARTED record", () -> new AuditRecord(P1, 1, AuditRecord.Kind.STARTED, Optional.empty(),
            Optional.of("a"), Optional.empty(), "engine", T, T, Optional.empty(), Optional.empty(), Optional.empty(),
            4), "AuditRecord P-1 #1", "priority 4", "on a STARTED record");
    t.on("new AuditRecord(ProcessInstanceId,long,Kind,Optional,Optional,Optional,String,Instant,Instant,Optional,"
        + "Optional,Optional)")
        .npe("instance null", () -> audit(null, 1, "engine"), "instance")
        .npe("actor null", () -> audit(P1, 1, null), "actor")
        .iae("sequence 0", () -> audit(P1, 0, "engine"), "AuditRecord.sequence", "at least 1", "was 0");

    t.on("new StepContext(ProcessInstanceId,CustomerId,Optional,Step,Map,Instant)")
        .npe("instance null", () -> new StepContext(null, DANA, Optional.empty(), aStep(), Map.of(), T), "instance")
        .npe("customer null", () -> new StepContext(P1, null, Optional.empty(), aStep(), Map.of(), T), "customer")
        .npe("agreement null", () -> new StepContext(P1, DANA, null, aStep(), Map.of(), T), "agreement")
        .npe("step null", () -> new StepContext(P1, DANA, Optional.empty(), null, Map.of(), T), "step")
        .npe("variables null", () -> new StepContext(P1, DANA, Optional.empty(), aStep(), null, T), "variables")
        .npe("now null", () -> new StepContext(P1, DANA, Optional.empty(), aStep(), Map.of(), null), "now");

    t.on("new Completion(ProcessInstance,Optional)")
        .npe("instance null", () -> new Completion(null, Optional.empty()), "instance")
        .npe("next null", () -> new Completion(waiting, null), "next");

    t.on("new SlaClock(Optional,Instant,Instant,Optional,Instant,Instant,Optional,Set)")
        .npe("responseDue null", () -> new SlaClock(Optional.empty(), T, null, Optional.empty(), T, T,
            Optional.empty(), Set.of()), "responseDue")
        .iae("a warning after its deadline", () -> new SlaClock(Optional.empty(), T.plusSeconds(1), T,
            Optional.empty(), T, T, Optional.empty(), Set.of()), "SlaClock", "warning time comes after its deadline",
            "response 2026-01-01T10:00:01Z / 2026-01-01T10:00:00Z");
    t.on("new SlaVerdict(Deadline,Instant,Status)")
        .npe("deadline null", () -> new SlaVerdict(null, T, SlaVerdict.Status.ON_TIME), "deadline")
        .npe("due null", () -> new SlaVerdict(SlaVerdict.Deadline.RESPONSE, null, SlaVerdict.Status.ON_TIME), "due")
        .npe("status null", () -> new SlaVerdict(SlaVerdict.Deadline.RESPONSE, T, null), "status");
    t.on("new SlaCompliance(Deadline,long,long,long,long)")
        .npe("deadline null", () -> new SlaCompliance(null, 0, 0, 0, 0), "deadline")
        .iae("counts not adding up", () -> new SlaCompliance(SlaVerdict.Deadline.RESPONSE, 3, 1, 1, 0),
            "SlaCompliance counts", "add up to judged 3", "onTime 1, atRisk 1, breached 0")
        .iae("a count negative", () -> new SlaCompliance(SlaVerdict.Deadline.RESPONSE, 0, 1, -1, 0),
            "SlaCompliance counts", "atRisk -1");

    t.on("new DunningPolicy(Duration,List,Duration,Duration,List)")
        .npe("paymentTerm null", () -> dunning(null, List.of(Duration.ofDays(7)), List.of(Channel.EMAIL)),
            "paymentTerm")
        .iae("paymentTerm zero", () -> dunning(Duration.ZERO, List.of(Duration.ofDays(7)), List.of(Channel.EMAIL)),
            "DunningPolicy.paymentTerm", "positive", "was PT0S")
        .npe("reminders null", () -> dunning(Duration.ofDays(14), null, List.of(Channel.EMAIL)), "reminders")
        .iae("no reminder", () -> dunning(Duration.ofDays(14), List.of(), List.of(Channel.EMAIL)),
            "DunningPolicy.reminders", "at least one")
        .iae("a reminder negative", () -> dunning(Duration.ofDays(14), List.of(Duration.ofDays(7),
            Duration.ofDays(-1)), List.of(Channel.EMAIL)), "DunningPolicy.reminders[1]", "was PT-24H")
        .npe("channels null", () -> dunning(Duration.ofDays(14), List.of(Duration.ofDays(7)), null), "channels")
        .iae("no channel", () -> dunning(Duration.ofDays(14), List.of(Duration.ofDays(7)), List.of()),
            "DunningPolicy.channels", "at least one channel", "was []")
        .iae("a channel twice", () -> dunning(Duration.ofDays(14), List.of(Duration.ofDays(7)),
            List.of(Channel.SMS, Channel.SMS)), "DunningPolicy.channels", "each once", "was [SMS, SMS]")
        .iae("a spoken channel", () -> dunning(Duration.ofDays(14), List.of(Duration.ofDays(7)),
            List.of(Channel.PHONE)), "DunningPolicy.channels: PHONE", "written reminder")
        .iae("noticePeriod negative", () -> new DunningPolicy(Duration.ofDays(14), List.of(Duration.ofDays(7)),
            Duration.ofDays(-7), Duration.ofDays(1), List.of(Channel.EMAIL)), "DunningPolicy.noticePeriod",
            "was PT-168H")
        .npe("disputeRecheck null", () -> new DunningPolicy(Duration.ofDays(14), List.of(Duration.ofDays(7)),
            Duration.ofDays(7), null, List.of(Channel.EMAIL)), "disputeRecheck");
  }

  private static void reports(Table t) {
    t.on("Distribution.of(Collection)")
        .npe("durations null", () -> Distribution.of(null), "durations")
        .npe("a duration null", () -> Distribution.of(Arrays.asList(Duration.ZERO, null)), "durations[1]")
        .iae("a duration negative", () -> Distribution.of(List.of(Duration.ofSeconds(-1))), "durations[0]",
            "not be negative", "was PT-1S");
    Duration s = Duration.ofSeconds(1);
    t.on("new Distribution(long,Duration,Duration,Duration,Duration,Duration)")
        .npe("total null", () -> new Distribution(1, null, s, s, s, s), "total")
        .npe("p90 null", () -> new Distribution(1, s, s, s, null, s), "p90")
        .iae("count negative", () -> new Distribution(-1, s, s, s, s, s), "Distribution.count", "at least 0",
            "was -1")
        .iae("median above p90", () -> new Distribution(3, s, s, Duration.ofSeconds(5), s, Duration.ofSeconds(9)),
            "Distribution values", "min <= median <= p90 <= max", "were PT1S, PT5S, PT1S, PT9S");

    Distribution none = Distribution.EMPTY;
    t.on("new InsightFigures(Optional,Optional,Optional,long,long,long,long,Distribution,Distribution,Distribution,"
        + "Duration,double,long,long,Optional,Optional,List)")
        .iae("no scope named", () -> figures(Optional.empty(), 0, 0), "InsightFigures",
            "process, a step or a performer", "none given")
        .iae("a count negative", () -> figures(Optional.of("p"), -1, 0), "InsightFigures counts", "entered -1")
        .iae("throughput NaN", () -> figures(Optional.of("p"), 0, Double.NaN), "InsightFigures counts",
            "throughputPerHour NaN")
        .npe("sla null", () -> new InsightFigures(Optional.of("p"), Optional.empty(), Optional.empty(), 0, 0, 0, 0,
            none, none, none, Duration.ZERO, 0, 0, 0, Optional.empty(), Optional.empty(), null), "sla")
        .npe("delay null", () -> new InsightFigures(Optional.of("p"), Optional.empty(), Optional.empty(), 0, 0, 0, 0,
            none, none, none, null, 0, 0, 0, Optional.empty(), Optional.empty(), List.of()), "delay");
    t.on("new InsightReport(Instant,Instant,List,List,List)")
        .npe("from null", () -> new InsightReport(null, T, List.of(), List.of(), List.of()), "from")
        .npe("steps null", () -> new InsightReport(T, T, List.of(), null, List.of()), "steps")
        .iae("ending before it starts", () -> new InsightReport(T, T.minusSeconds(1), List.of(), List.of(),
            List.of()), "InsightReport window", "from 2026-01-01T10:00:00Z, to 2026-01-01T09:59:59Z");
    t.on("BottleneckReport.of(InsightReport)").npe("report null", () -> BottleneckReport.of(null), "report");
    t.on("new BottleneckReport(Instant,Instant,Duration,List,List)")
        .npe("totalDelay null", () -> new BottleneckReport(T, T, null, List.of(), List.of()), "totalDelay")
        .npe("performers null", () -> new BottleneckReport(T, T, Duration.ZERO, null, List.of()), "performers");
    t.on("new BottleneckReport.Bottleneck(String,Optional,Duration,double,Cause,Duration,Duration,Duration,Duration,"
        + "long,long,long,long,Optional,String)")
        .npe("name null", () -> new BottleneckReport.Bottleneck(null, Optional.empty(), s, 1,
            BottleneckReport.Cause.WAITING,
            s, s, s, s, 1, 1, 0, 0, Optional.empty(), "why"), "name")
        .npe("cause null", () -> new BottleneckReport.Bottleneck("q", Optional.empty(), s, 1, null, s, s, s, s, 1, 1,
            0, 0, Optional.empty(), "why"), "cause")
        .npe("explanation null", () -> new BottleneckReport.Bottleneck("q", Optional.empty(), s, 1,
            BottleneckReport.Cause.WAITING, s, s, s, s, 1, 1, 0, 0, Optional.empty(), null), "explanation");
  }

  private static void calendars(Table t) {
    t.on("BusinessCalendar.workingHours(ZoneId)")
        .npe("zone null", () -> BusinessCalendar.workingHours(null), "zone")
        .iae("no working time", () -> BusinessCalendar.workingHours(ZoneOffset.UTC).build(), "WorkingHours Z",
            "no working time");
    t.on("WorkingHours.builder(ZoneId)")
        .npe("zone null", () -> WorkingHours.builder(null), "zone")
        .npe("day null", () -> WorkingHours.builder(ZoneOffset.UTC).hours((DayOfWeek) null, NINE, FIVE), "day")
        .npe("days null", () -> WorkingHours.builder(ZoneOffset.UTC).hours((Set<DayOfWeek>) null, NINE, FIVE),
            "days")
        .npe("start null", () -> WorkingHours.builder(ZoneOffset.UTC).hours(DayOfWeek.MONDAY, null, FIVE), "start")
        .iae("ending before it starts", () -> WorkingHours.builder(ZoneOffset.UTC).hours(DayOfWeek.MONDAY, FIVE,
            NINE), "WorkingHours Z MONDAY: interval 17:00-09:00", "ends before it starts")
        .iae("an empty interval", () -> WorkingHours.builder(ZoneOffset.UTC).hours(DayOfWeek.MONDAY, NINE, NINE),
            "WorkingHours Z MONDAY: interval 09:00-09:00", "is empty")
        .iae("overlapping intervals", () -> WorkingHours.builder(ZoneOffset.UTC).hours(DayOfWeek.MONDAY, NINE, FIVE)
            .hours(DayOfWeek.MONDAY, LocalTime.NOON, LocalTime.of(18, 0)), "interval 12:00-18:00",
                "overlaps 09:00-17:00")
        .iae("intervals out of order", () -> WorkingHours.builder(ZoneOffset.UTC).hours(DayOfWeek.MONDAY, FIVE,
            LocalTime.of(18, 0)).hours(DayOfWeek.MONDAY, NINE, LocalTime.NOON), "interval 09:00-12:00",
            "comes before 17:00-18:00")
        .npe("holiday null", () -> WorkingHours.builder(ZoneOffset.UTC).holiday(null), "date")
        .npe("holidays null", () -> WorkingHours.builder(ZoneOffset.UTC).holidays(null), "dates")
        .npe("special day null", () -> WorkingHours.builder(ZoneOffset.UTC).specialDay(null, NINE, FIVE), "date")
        .iae("a holiday that is a special day", () -> WorkingHours.builder(ZoneOffset.UTC)
            .holiday(LocalDate.of(2026, 1, 1)).specialDay(LocalDate.of(2026, 1, 1), NINE, FIVE).build(),
            "WorkingHours Z: 2026-01-01", "both a holiday and a special day");
    t.on("WorkingHours.mondayToFriday(ZoneId,LocalTime,LocalTime)")
        .npe("zone null", () -> WorkingHours.mondayToFriday(null, NINE, FIVE), "zone")
        .npe("end null", () -> WorkingHours.mondayToFriday(ZoneOffset.UTC, NINE, null), "end")
        .iae("ending before it starts", () -> WorkingHours.mondayToFriday(ZoneOffset.UTC, FIVE, NINE),
            "WorkingHours Z MONDAY: interval 17:00-09:00", "ends before it starts");
  }

  private static void crm(Table t) {
    CustomerStore customers = CustomerStore.inMemory();
    AgreementStore agreements = AgreementStore.inMemory();
    ContinuationStore continuationStore = ContinuationStore.inMemory();
    Interactions interactions = Interactions.builder().customers(customers).agreements(agreements)
        .log(InteractionLog.inMemory()).taxonomy(InteractionTaxonomy.of(CrmProcesses.REMINDER_CLASS,
            CrmProcesses.NOTICE_CLASS, CrmProcesses.ANSWER_CLASS, "channel.switch"))
        .continuations(continuationStore).build();
    t.on("CrmProcesses.builder()")
        .npe("agreements missing", () -> crmBuilder(null, customers, interactions).build(), "agreements")
        .npe("customers missing", () -> crmBuilder(agreements, null, interactions).build(), "customers")
        .npe("interactions missing", () -> crmBuilder(agreements, customers, null).build(), "interactions")
        .npe("billing missing", () -> CrmProcesses.builder().agreements(agreements).customers(customers)
            .interactions(interactions).catalog(NO_OFFERS).provider(ProviderId.of("telco"))
            .zone(ZoneOffset.UTC).build(), "billing")
        .npe("catalog missing", () -> CrmProcesses.builder().agreements(agreements).customers(customers)
            .interactions(interactions).billing(new InMemoryBilling()).provider(ProviderId.of("telco"))
            .zone(ZoneOffset.UTC).build(), "catalog")
        .npe("provider missing", () -> CrmProcesses.builder().agreements(agreements).customers(customers)
            .interactions(interactions).billing(new InMemoryBilling()).catalog(NO_OFFERS)
            .zone(ZoneOffset.UTC).build(), "provider")
        .npe("zone missing", () -> CrmProcesses.builder().agreements(agreements).customers(customers)
            .interactions(interactions).billing(new InMemoryBilling()).catalog(NO_OFFERS)
            .provider(ProviderId.of("telco")).build(), "zone")
        .npe("agreements null", () -> CrmProcesses.builder().agreements(null), "agreements")
        .npe("customers null", () -> CrmProcesses.builder().customers(null), "customers")
        .npe("dunning null", () -> CrmProcesses.builder().dunning(null), "policy")
        .npe("systemChannel null", () -> CrmProcesses.builder().systemChannel(null), "channel")
        .npe("returnPeriod null", () -> CrmProcesses.builder().returnPeriod(null), "period")
        .iae("returnPeriod zero", () -> CrmProcesses.builder().returnPeriod(Period.ZERO), "CrmProcesses.returnPeriod",
            "positive", "was P0D")
        .npe("a reminder class null", () -> CrmProcesses.builder().messageClasses(null, "n", "a"),
            "CrmProcesses.messageClasses reminder")
        .iae("a notice class blank", () -> CrmProcesses.builder().messageClasses("r", " ", "a"),
            "CrmProcesses.messageClasses notice", "U+0020")
        .iae("an answer class empty", () -> CrmProcesses.builder().messageClasses("r", "n", ""),
            "CrmProcesses.messageClasses answer", "was 0")
        .iae("a class outside the taxonomy", () -> crmBuilder(agreements, customers, interactions)
            .messageClasses("billing.unknown", CrmProcesses.NOTICE_CLASS, CrmProcesses.ANSWER_CLASS).build(),
            "Interaction class 'billing.unknown'", "not in the taxonomy")
        .npe("an SLA's process null", () -> CrmProcesses.builder().sla(null, SlaTarget.of(Duration.ofHours(1),
            Duration.ofHours(2))), "process")
        .npe("an SLA null", () -> CrmProcesses.builder().sla(CrmProcesses.COMPLAINT, null), "sla")
        .iae("an SLA of an unknown process", () -> crmBuilder(agreements, customers, interactions)
            .sla("nope", SlaTarget.of(Duration.ofHours(1), Duration.ofHours(2))).build(),
            "CrmProcesses: an SLA was given for 'nope'", "not one of the processes");
    t.on("CrmProcesses.request(String,CustomerId,AgreementId,Channel,String)")
        .npe("agreement null", () -> CrmProcesses.request(CrmProcesses.SUSPENSION, DANA, null, Channel.WEB, "k"),
            "agreement")
        .npe("channel null", () -> CrmProcesses.request(CrmProcesses.SUSPENSION, DANA, AgreementId.of("AG-1"), null,
            "k"), "channel")
        .iae("process blank", () -> CrmProcesses.request(" ", DANA, AgreementId.of("AG-1"), Channel.WEB, "k"),
            "StartRequest.processKey", "U+0020")
        .iae("idempotencyKey blank", () -> CrmProcesses.request(CrmProcesses.SUSPENSION, DANA,
            AgreementId.of("AG-1"), Channel.WEB, ""), "StartRequest.idempotencyKey", "blank");

    Continuations continuations = Continuations.builder().store(continuationStore).interactions(interactions)
        .clock(java.time.Clock.fixed(T, ZoneOffset.UTC))
        .switchClass(io.cemkit.core.InteractionClass.of("channel.switch")).build();
    t.on("new Omnichannel(Continuations,ContinuationStore)")
        .npe("continuations null", () -> new Omnichannel(null, continuationStore), "continuations")
        .npe("store null", () -> new Omnichannel(continuations, null), "store");
    t.on("Omnichannel.continuationOf(ProcessInstanceId)")
        .npe("instance null", () -> Omnichannel.continuationOf(null), "instance");
    ProcessInstance waiting = instance(P1, "p", 1, Optional.empty(), Map.of());
    t.on("new Omnichannel.Started(ProcessInstance,Continuation)")
        .npe("instance null", () -> new Omnichannel.Started(null, aContinuation()), "instance")
        .npe("continuation null", () -> new Omnichannel.Started(waiting, null), "continuation");
    t.on("new Omnichannel.Resumed(ProcessInstance,Optional,Continuation)")
        .npe("workItem null", () -> new Omnichannel.Resumed(waiting, null, aContinuation()), "workItem")
        .npe("continuation null", () -> new Omnichannel.Resumed(waiting, Optional.empty(), null), "continuation");
  }

  // ------------------------------------------------------------------------------------------------ valid parts

  private static ProcessDefinition.StepBuilder step() {
    return ProcessDefinition.builder("p", 1).step("a", Performer.queue("q"), "A");
  }

  private static Step aStep() {
    return step().build().start();
  }

  private static ProcessInstance instance(ProcessInstanceId id, String key, int version,
      Optional<AgreementId> agreement, Map<String, Object> variables) {
    return new ProcessInstance(id, key, version, DANA, agreement, InstanceStatus.WAITING, Optional.of("a"),
        Optional.empty(), Optional.empty(), variables, T, Optional.empty());
  }

  private static AuditRecord audit(ProcessInstanceId instance, long sequence, String actor) {
    return new AuditRecord(instance, sequence, AuditRecord.Kind.STARTED, Optional.empty(), Optional.of("a"),
        Optional.empty(), actor, T, T, Optional.empty(), Optional.empty(), Optional.empty());
  }

  private static DunningPolicy dunning(Duration paymentTerm, List<Duration> reminders, List<Channel> channels) {
    return new DunningPolicy(paymentTerm, reminders, Duration.ofDays(7), Duration.ofDays(1), channels);
  }

  private static InsightFigures figures(Optional<String> process, long entered, double throughput) {
    Distribution none = Distribution.EMPTY;
    return new InsightFigures(process, Optional.empty(), Optional.empty(), entered, 0, 0, 0, none, none, none,
        Duration.ZERO, throughput, 0, 0, Optional.empty(), Optional.empty(), List.of());
  }

  private static CrmProcesses.Builder crmBuilder(AgreementStore agreements, CustomerStore customers,
      Interactions interactions) {
    CrmProcesses.Builder b = CrmProcesses.builder().billing(new InMemoryBilling()).catalog(NO_OFFERS)
        .provider(ProviderId.of("telco")).zone(ZoneOffset.UTC);
    if (agreements != null) {
      b.agreements(agreements);
    }
    if (customers != null) {
      b.customers(customers);
    }
    if (interactions != null) {
      b.interactions(interactions);
    }
    return b;
  }

  private static Continuation aContinuation() {
    return Continuation.builder().id(io.cemkit.core.ContinuationId.of("K-1")).customer(DANA).action("p")
        .token(io.cemkit.core.ContinuationToken.of("abcdefghijklmnop")).status(io.cemkit.core.ContinuationStatus.OPEN)
        .step("a").startedOn(Channel.WEB).lastChannel(Channel.WEB).startedAt(T).updatedAt(T)
        .expiresAt(T.plusSeconds(60)).build();
  }

  private static Map<String, Object> nullVariable() {
    Map<String, Object> map = new HashMap<>();
    map.put("x", null);
    return map;
  }

  private static Map<String, RouteCondition> nullCondition() {
    Map<String, RouteCondition> map = new HashMap<>();
    map.put("x", null);
    return map;
  }
}
