package io.cemkit.testkit;

import static io.cemkit.testkit.CemkitAssertions.assertThat;
import static io.cemkit.testkit.CemkitAssertions.assertThatThrownBy;

import io.cemkit.core.Actor;
import io.cemkit.core.AgreementId;
import io.cemkit.core.AgreementStatus;
import io.cemkit.core.Channel;
import io.cemkit.core.Continuation;
import io.cemkit.core.ContinuationId;
import io.cemkit.core.ContinuationStatus;
import io.cemkit.core.Continuations;
import io.cemkit.core.ContextWarning;
import io.cemkit.core.CustomerContext;
import io.cemkit.core.CustomerId;
import io.cemkit.core.CustomerView;
import io.cemkit.core.Direction;
import io.cemkit.core.Individual;
import io.cemkit.core.Interaction;
import io.cemkit.core.InteractionClass;
import io.cemkit.core.InteractionId;
import io.cemkit.core.InteractionTaxonomy;
import io.cemkit.core.Interactions;
import io.cemkit.core.PersonalData;
import io.cemkit.core.Sentiment;
import io.cemkit.core.spi.AgreementStore;
import io.cemkit.core.spi.ContinuationStore;
import io.cemkit.core.spi.CustomerStore;
import io.cemkit.core.spi.InteractionLog;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ContextAssertionsTest {
  static final CustomerId DANA = CustomerId.of("C-1");
  static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

  final CustomerStore customers = CustomerStore.inMemory();
  final InteractionLog log = InteractionLog.inMemory();
  final ContinuationStore continuations = ContinuationStore.inMemory();
  final Interactions interactions;

  ContextAssertionsTest() {
    customers.insert(Individual.builder().id(DANA).name(PersonalData.name("Dana Levi")).build());
    interactions = Interactions.builder().customers(customers).agreements(AgreementStore.inMemory()).log(log)
        .continuations(continuations).taxonomy(InteractionTaxonomy.of("service.card", "continuation.channel-switch"))
        .build();
  }

  private Interaction call() {
    return interactions.record(Interaction.builder().id(InteractionId.of("I-1")).customer(DANA).channel(Channel.PHONE)
        .direction(Direction.INBOUND).classification(InteractionClass.of("service.card")).startedAt(T).endedAt(T)
        .outcome("resolved").performer(Actor.agent("a-1")).sentiment(Sentiment.of(-0.7, Sentiment.Source.HUMAN))
        .build());
  }

  @Test
  @DisplayName("interaction assertions")
  void interaction() {
    Interaction i = call();
    assertThat(i).isClosed().hasDirection(Direction.INBOUND).hasClassification("service.card").hasOutcome("resolved")
        .hasSentiment(Sentiment.Label.NEGATIVE);
    assertThatThrownBy(() -> assertThat(i).isOpen()).isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected interaction I-1 to be open but it ended at 2026-03-01T10:00:00Z");
    assertThatThrownBy(() -> assertThat(i).hasClassification("billing")).isInstanceOf(AssertionError.class)
        .hasMessageContaining("to be classified billing but it is service.card");
    assertThatThrownBy(() -> assertThat(i).hasSentiment(Sentiment.Label.POSITIVE)).isInstanceOf(AssertionError.class)
        .hasMessageContaining("to have a POSITIVE sentiment but it has -0.70 (NEGATIVE, HUMAN)");
    assertThatThrownBy(() -> assertThat(i).isLinkedTo(AgreementId.of("AG-1"))).isInstanceOf(AssertionError.class)
        .hasMessageContaining("to link agreement AG-1 but it links none");
    assertThatThrownBy(() -> assertThat(i).hasDirection(Direction.OUTBOUND)).isInstanceOf(AssertionError.class);
    assertThatThrownBy(() -> assertThat(i).hasOutcome("escalated")).isInstanceOf(AssertionError.class);
  }

  @Test
  @DisplayName("continuation assertions, without showing collected values")
  void continuation() {
    Continuations c = Continuations.builder().store(continuations).interactions(interactions)
        .clock(Clock.fixed(T, ZoneOffset.UTC)).build();
    Continuation started = c.start(ContinuationId.of("k-1"), DANA, "loan", "details", Map.of("income", "12000"),
        Channel.WEB, Optional.empty());
    Continuation resumed = c.resume(started.token(), DANA, Channel.BRANCH, Actor.agent("a-1"));
    assertThat(resumed).hasStatus(ContinuationStatus.OPEN).isAtStep("details").hasProgress("income", "12000")
        .movedThrough(Channel.WEB, Channel.BRANCH);
    assertThatThrownBy(() -> assertThat(resumed).hasProgress("income", "9000")).isInstanceOf(AssertionError.class)
        .hasMessageContaining("to hold field income with the given value but it holds another value")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("12000"));
    assertThatThrownBy(() -> assertThat(resumed).movedThrough(Channel.WEB)).isInstanceOf(AssertionError.class)
        .hasMessageContaining("to move through [WEB] but it moved through [WEB, BRANCH]");
    assertThatThrownBy(() -> assertThat(resumed).hasStatus(ContinuationStatus.COMPLETED))
        .isInstanceOf(AssertionError.class);
    assertThatThrownBy(() -> assertThat(resumed).isAtStep("signed")).isInstanceOf(AssertionError.class);
  }

  @Test
  @DisplayName("customer view assertions")
  void view() {
    call();
    CustomerView view = CustomerContext.builder().customers(customers).agreements(AgreementStore.inMemory())
        .interactions(log).build().open(DANA, Channel.PHONE, T.plusSeconds(60));
    assertThat(view).hasWarning(ContextWarning.Code.NEGATIVE_SENTIMENT)
        .leadsWith(ContextWarning.Code.NEGATIVE_SENTIMENT).hasNoWarning(ContextWarning.Code.PAYMENT_OVERDUE)
        .hasOverduePayments(0);
    assertThatThrownBy(() -> assertThat(view).hasWarning(ContextWarning.Code.PAYMENT_OVERDUE))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected a PAYMENT_OVERDUE warning for customer C-1 but the warnings are "
            + "[NEGATIVE_SENTIMENT, NO_MARKETING_CONSENT]");
    assertThatThrownBy(() -> assertThat(view).hasNoWarning(ContextWarning.Code.NO_MARKETING_CONSENT))
        .isInstanceOf(AssertionError.class).hasMessageContaining("No marketing consent on PHONE");
    assertThatThrownBy(() -> assertThat(view).leadsWith(ContextWarning.Code.NO_MARKETING_CONSENT))
        .isInstanceOf(AssertionError.class);
    assertThatThrownBy(() -> assertThat(view).showsAgreement(AgreementId.of("AG-1"), AgreementStatus.ACTIVE))
        .isInstanceOf(AssertionError.class).hasMessageContaining("but it does not show it");
    assertThatThrownBy(() -> assertThat(view).hasOverduePayments(1)).isInstanceOf(AssertionError.class);
  }
}
