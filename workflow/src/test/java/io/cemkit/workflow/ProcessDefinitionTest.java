package io.cemkit.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ProcessDefinitionTest {

  private static ProcessDefinition suspension() {
    return ProcessDefinition.builder("suspension", 2)
        .name("Suspend a subscription")
        .retention(Duration.ofDays(400))
        .step("check", Performer.automated("check-agreement"), "Check that the agreement may be suspended")
            .onOutcome("allowed", "confirm")
            .otherwiseEnd()
        .step("confirm", Performer.queue("service-agents"), "Confirm the dates with the customer")
            .when("more than 30 days", ctx -> ctx.variable("days", Integer.class).orElse(0) > 30, "approve")
            .otherwise("suspend")
        .step("approve", Performer.queue("supervisors"), "Approve a long suspension")
            .then("suspend")
        .step("suspend", Performer.automated("suspend-agreement"), "Suspend the agreement")
        .build();
  }

  @Test
  @DisplayName("a valid definition keeps its steps in order, starts at the first and lists its handlers")
  void valid() {
    ProcessDefinition definition = suspension();
    assertThat(definition.key()).isEqualTo("suspension");
    assertThat(definition.version()).isEqualTo(2);
    assertThat(definition.name()).isEqualTo("Suspend a subscription");
    assertThat(definition.retention()).isEqualTo(Duration.ofDays(400));
    assertThat(definition.start().id()).isEqualTo("check");
    assertThat(definition.steps()).extracting(Step::id).containsExactly("check", "confirm", "approve", "suspend");
    assertThat(definition.handlers()).containsExactly("check-agreement", "suspend-agreement");
    assertThat(definition.step("suspend").orElseThrow().isFinal()).isTrue();
    assertThat(definition.step("nope")).isEmpty();
    assertThat(definition).hasToString("suspension v2 (4 steps)");
    assertThat(definition.step("confirm").orElseThrow().performer()).isEqualTo(Performer.queue("service-agents"));
  }

  @Test
  @DisplayName("routing: the first route whose typed predicate holds is taken; otherwise is the fallback")
  void routing() {
    Step confirm = suspension().step("confirm").orElseThrow();
    assertThat(confirm.route(RouteContext.of("confirm", "done", Map.of("days", 45))).target()).contains("approve");
    assertThat(confirm.route(RouteContext.of("confirm", "done", Map.of("days", 10))).target()).contains("suspend");
    assertThat(confirm.route(RouteContext.of("confirm", "done", Map.of())).target()).contains("suspend");
    Step check = suspension().step("check").orElseThrow();
    assertThat(check.route(RouteContext.of("check", "allowed", Map.of())).target()).contains("confirm");
    assertThat(check.route(RouteContext.of("check", "refused", Map.of())).target()).isEmpty();
    assertThat(check.routes()).extracting(Route::toString).containsExactly("outcome allowed -> confirm",
        "otherwise -> end");
  }

  @Test
  @DisplayName("a variable of the wrong type fails with its name and both types")
  void typedVariables() {
    RouteContext context = RouteContext.of("s", "o", Map.of("days", "forty"));
    assertThatThrownBy(() -> context.variable("days", Integer.class)).isInstanceOf(ClassCastException.class)
        .hasMessage("variable 'days' holds a String, expected Integer");
  }

  @Test
  @DisplayName("every problem is listed at once: unknown target, duplicate step, missing fallback")
  void problemsListed() {
    ProcessDefinition.Builder builder = ProcessDefinition.builder("broken", 1);
    builder.step("a", Performer.queue("q"), "A").onOutcome("ok", "b").onOutcome("ko", "zzz");
    builder.step("b", Performer.queue("q"), "B");
    builder.step("b", Performer.queue("q"), "B again");
    assertThatThrownBy(builder::build).isInstanceOf(InvalidDefinitionException.class)
        .hasMessageStartingWith("Process definition broken v1 is invalid: ")
        .satisfies(e -> assertThat(((InvalidDefinitionException) e).problems()).containsExactly(
            "step 'b' is defined twice",
            "step 'a' routes to unknown step 'zzz' (outcome ko)",
            "step 'a' has only conditional routes; end them with otherwise(..), then(..) or otherwiseEnd() so that "
                + "every outcome has a way on"));
  }

  @Test
  @DisplayName("a step that cannot be reached from the start is refused")
  void unreachable() {
    assertThatThrownBy(() -> ProcessDefinition.builder("p", 1)
        .step("a", Performer.queue("q"), "A")
        .step("orphan", Performer.queue("q"), "Never reached").then("a")
        .build())
        .isInstanceOf(InvalidDefinitionException.class)
        .hasMessage("Process definition p v1 is invalid: steps [orphan] cannot be reached from the start step 'a'");
  }

  @Test
  @DisplayName("a cycle without an exit is refused; a cycle with an exit is fine")
  void cycles() {
    assertThatThrownBy(() -> ProcessDefinition.builder("loop", 1)
        .step("a", Performer.queue("q"), "A").then("b")
        .step("b", Performer.queue("q"), "B").onOutcome("again", "a").otherwise("c")
        .step("c", Performer.queue("q"), "C").then("b")
        .build())
        .isInstanceOf(InvalidDefinitionException.class)
        .hasMessage("Process definition loop v1 is invalid: steps [a, b, c] form a cycle without an exit: no route "
            + "from them reaches the end");
    ProcessDefinition rework = ProcessDefinition.builder("rework", 1)
        .step("draft", Performer.queue("q"), "Draft").then("review")
        .step("review", Performer.queue("r"), "Review").onOutcome("rejected", "draft").otherwiseEnd()
        .build();
    assertThat(rework.steps()).hasSize(2);
  }

  @Test
  @DisplayName("a route after the unconditional one can never be taken and is refused")
  void deadRoute() {
    assertThatThrownBy(() -> ProcessDefinition.builder("p", 1)
        .step("a", Performer.queue("q"), "A").otherwiseEnd().onOutcome("x", "a")
        .build())
        .isInstanceOf(InvalidDefinitionException.class)
        .satisfies(e -> assertThat(((InvalidDefinitionException) e).problems()).containsExactly(
            "step 'a' has routes after its unconditional route 'otherwise -> end'; they can never be taken"));
  }

  @Test
  @DisplayName("two routes for one outcome are refused; a duplicate step's own bad target is reported too")
  void repeatedOutcomeAndDuplicateStep() {
    ProcessDefinition.Builder builder = ProcessDefinition.builder("p", 1);
    builder.step("a", Performer.queue("q"), "A").onOutcome("x", "b").onOutcome("x", "a").otherwiseEnd();
    builder.step("b", Performer.queue("q"), "B");
    builder.step("b", Performer.queue("q"), "B again").then("nowhere");
    assertThatThrownBy(builder::build).isInstanceOf(InvalidDefinitionException.class)
        .satisfies(e -> assertThat(((InvalidDefinitionException) e).problems()).containsExactly(
            "step 'b' is defined twice",
            "step 'a' has two routes for outcome 'x'; the second can never be taken",
            "step 'b' routes to unknown step 'nowhere' (otherwise)"));
  }

  @Test
  @DisplayName("bad keys, versions, retentions, codes and an empty definition fail with the field named")
  void badInput() {
    assertThatThrownBy(() -> ProcessDefinition.builder("", 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ProcessDefinition.key");
    assertThatThrownBy(() -> ProcessDefinition.builder("p", 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ProcessDefinition p: version must be at least 1, was 0");
    assertThatThrownBy(() -> ProcessDefinition.builder("p", 1).retention(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("retention must be positive, was PT0S");
    assertThatThrownBy(() -> Performer.queue("has space")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Performer.Queue");
    assertThatThrownBy(() -> ProcessDefinition.builder("p", 1).build()).isInstanceOf(InvalidDefinitionException.class)
        .hasMessage("Process definition p v1 is invalid: it has no steps");
    assertThatThrownBy(() -> ProcessDefinition.builder("p", 1).step("a", Performer.queue("q"), " "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Step.action must not be blank");
  }
}
