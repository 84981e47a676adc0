package io.cemkit.core;

import static io.cemkit.core.Fixtures.*;
import static io.cemkit.core.InteractionFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cemkit.core.spi.LinkResolver;
import io.cemkit.core.spi.SentimentAnalyzer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class InteractionsTest {
  private final InteractionFixtures f = new InteractionFixtures();

  @Test
  @DisplayName("a valid interaction is appended and returned as stored")
  void records() {
    Interaction i = inbound("I-1", noon(2026, 2, 1)).agreement(AGREEMENT).touchpoint(Touchpoint.of("call-centre"))
        .stage(JourneyStage.SERVICE).build();
    assertThat(f.interactions.record(i)).isEqualTo(i);
    assertThat(f.log.find(InteractionId.of("I-1")).orElseThrow().value()).isEqualTo(i);
    assertThat(f.interactions.recent(CUSTOMER, 5)).containsExactly(i);
  }

  @Test
  @DisplayName("an unknown customer is refused")
  void unknownCustomer() {
    Interaction i = ImmutableInteraction.copyOf(inbound("I-1", noon(2026, 2, 1)).build())
        .withCustomer(CustomerId.of("C-404"));
    assertThatThrownBy(() -> f.interactions.record(i))
        .isInstanceOfSatisfying(UnknownEntityException.class, e -> {
          assertThat(e.kind()).isEqualTo("Customer");
          assertThat(e.id()).isEqualTo("C-404");
        })
        .hasMessage("Customer C-404 does not exist; cannot record interaction I-1");
    assertThat(f.log.find(InteractionId.of("I-1"))).isEmpty();
  }

  @Test
  @DisplayName("a class outside the taxonomy is refused, naming the known classes at its level")
  void unknownClass() {
    Interaction i = ImmutableInteraction.copyOf(inbound("I-1", noon(2026, 2, 1)).build())
        .withClassification(InteractionClass.of("billing.refund"));
    assertThatThrownBy(() -> f.interactions.record(i))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Interaction class 'billing.refund' is not in the taxonomy; known under billing: billing.dispute");
    assertThat(f.interactions.taxonomy().contains(InteractionClass.of("billing"))).as("ancestors are admitted")
        .isTrue();
  }

  @Test
  @DisplayName("links to another customer's agreement, or to unknown records, are refused and nothing is written")
  void linksAreChecked() {
    assertThatThrownBy(() -> f.interactions.record(inbound("I-1", noon(2026, 2, 1)).agreement(OTHER_AGREEMENT).build()))
        .isInstanceOf(CrossCustomerLinkException.class)
        .hasMessage("Interaction I-1 of customer C-1001 links agreement AG-77, which belongs to customer C-2002; "
            + "links must stay within one customer");
    assertThatThrownBy(() -> f.interactions.record(inbound("I-2", noon(2026, 2, 1))
        .agreement(AgreementId.of("AG-404")).build()))
        .isInstanceOf(UnknownEntityException.class)
        .hasMessage("Agreement AG-404 does not exist; Interaction I-2 of customer C-1001 links it");
    assertThatThrownBy(() -> f.interactions.record(inbound("I-3", noon(2026, 2, 1)).agreement(AGREEMENT)
        .amendment(AmendmentId.of("AM-9")).build()))
        .isInstanceOf(UnknownEntityException.class)
        .hasMessageContaining("links it to agreement AG-42, which has no such amendment");
    assertThatThrownBy(() -> f.interactions.record(inbound("I-4", noon(2026, 2, 1))
        .invoice(InvoiceId.of("INV-1")).build()))
        .isInstanceOf(UnknownEntityException.class)
        .hasMessageContaining("the configured LinkResolver (LinkResolver.none()) does not know it");
    assertThat(f.log.recent(CUSTOMER, 10)).isEmpty();
  }

  @Test
  @DisplayName("process-instance and invoice links are verified through the LinkResolver")
  void resolvedLinks() {
    InteractionFixtures g = new InteractionFixtures(SentimentAnalyzer.none(), links(
        Map.of(ProcessInstanceId.of("P-1"), CUSTOMER, ProcessInstanceId.of("P-2"), OTHER),
        Map.of(InvoiceId.of("INV-1"), CUSTOMER)));
    assertThat(g.interactions.record(inbound("I-1", noon(2026, 2, 1)).processInstance(ProcessInstanceId.of("P-1"))
        .invoice(InvoiceId.of("INV-1")).build()).processInstance()).contains(ProcessInstanceId.of("P-1"));
    assertThatThrownBy(() -> g.interactions.record(inbound("I-2", noon(2026, 2, 1))
        .processInstance(ProcessInstanceId.of("P-2")).build()))
        .isInstanceOf(CrossCustomerLinkException.class)
        .hasMessageContaining("links process instance P-2, which belongs to customer C-2002");
  }

  @Test
  @DisplayName("outbound marketing needs consent for that purpose on that channel")
  void marketingNeedsConsent() {
    assertThat(f.interactions.record(outbound("O-1", Channel.EMAIL, ConsentPurpose.MARKETING, "sales.offer").build())
        .purpose()).contains(ConsentPurpose.MARKETING);
    assertThatThrownBy(() -> f.interactions.record(outbound("O-2", Channel.WHATSAPP, ConsentPurpose.MARKETING,
        "sales.offer").build()))
        .isInstanceOfSatisfying(ConsentRequiredException.class, e -> {
          assertThat(e.purpose()).isEqualTo(ConsentPurpose.MARKETING);
          assertThat(e.channel()).isEqualTo(Channel.WHATSAPP);
        })
        .hasMessage("Customer C-1001: outbound MARKETING contact on WHATSAPP has no basis: the customer's decision in "
            + "force is DENIED (recorded 2025-12-01T10:00:00Z)");
    assertThatThrownBy(() -> f.interactions.record(outbound("O-3", Channel.SMS, ConsentPurpose.SURVEYS, "survey.nps")
        .build()))
        .isInstanceOf(ConsentRequiredException.class)
        .hasMessage("Customer C-1001: outbound SURVEYS contact on SMS has no basis: no SURVEYS consent on SMS");
  }

  @Test
  @DisplayName("service and collection messages need no consent but never go to a channel the customer withdrew")
  void serviceMessages() {
    assertThat(f.interactions.record(outbound("O-1", Channel.WHATSAPP, ConsentPurpose.BILLING_COLLECTION,
        "collection.reminder").build()).channel()).isEqualTo(Channel.WHATSAPP);
    assertThatThrownBy(() -> f.interactions.record(outbound("O-2", Channel.SMS, ConsentPurpose.SERVICE,
        "service.card").build()))
        .isInstanceOf(ConsentRequiredException.class)
        .hasMessage("Customer C-1001: outbound SERVICE contact on SMS has no basis: the customer withdrew SMS for "
            + "SERVICE messages (recorded 2025-12-01T10:00:00Z); use another channel");
  }

  @Test
  @DisplayName("an open interaction is closed once; a closed one is never modified")
  void closeOnce() {
    f.interactions.record(inbound("I-1", noon(2026, 2, 1)).build());
    Interaction closed = f.interactions.close(InteractionId.of("I-1"), noon(2026, 2, 1).plusSeconds(240), "resolved",
        Optional.of(Sentiment.of(0.5, Sentiment.Source.HUMAN)), Optional.of(PersonalData.freeText("card re-sent")));
    assertThat(closed.isClosed()).isTrue();
    assertThat(closed.duration()).contains(Duration.ofMinutes(4));
    assertThat(closed.outcome()).contains("resolved");
    assertThatThrownBy(() -> f.interactions.close(InteractionId.of("I-1"), noon(2026, 2, 2), "resolved",
        Optional.empty(), Optional.empty()))
        .isInstanceOf(ClosedInteractionException.class)
        .hasMessage("Interaction I-1 was closed at 2026-02-01T10:04:00Z and is never modified; record a correction "
            + "that refers to it instead");
    assertThatThrownBy(() -> f.interactions.close(InteractionId.of("I-9"), noon(2026, 2, 2), "resolved",
        Optional.empty(), Optional.empty()))
        .isInstanceOf(UnknownEntityException.class);
  }

  @Test
  @DisplayName("a correction is a new record that refers to the original, which stays as it was")
  void correction() {
    Interaction original = f.interactions.record(inbound("I-1", noon(2026, 2, 1)).endedAt(noon(2026, 2, 1))
        .outcome("resolved").build());
    Interaction fix = f.interactions.correct(inbound("I-1-fix", noon(2026, 2, 1)).endedAt(noon(2026, 2, 1))
        .outcome("escalated").corrects(original.id()).build());
    assertThat(fix.corrects()).contains(original.id());
    assertThat(f.log.find(original.id()).orElseThrow().value()).isEqualTo(original);
    assertThatThrownBy(() -> f.interactions.correct(inbound("I-2", noon(2026, 2, 1)).build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not name the interaction it corrects");
    assertThatThrownBy(() -> f.interactions.record(inbound("I-1", noon(2026, 2, 2)).build()))
        .isInstanceOf(DuplicateEntityException.class);
  }

  @Test
  @DisplayName("a summary without a sentiment is scored by the analyzer; a given sentiment is kept")
  void scoring() {
    InteractionFixtures g = new InteractionFixtures(fixedScore(-0.75), LinkResolver.none());
    Interaction scored = g.interactions.record(inbound("I-1", noon(2026, 2, 1))
        .summary(PersonalData.freeText("still waiting for my card")).build());
    assertThat(scored.sentiment()).contains(Sentiment.of(-0.75, Sentiment.Source.MODEL));
    Interaction given = g.interactions.record(inbound("I-2", noon(2026, 2, 2))
        .summary(PersonalData.freeText("thanks")).sentiment(Sentiment.of(0.9, Sentiment.Source.HUMAN)).build());
    assertThat(given.sentiment()).contains(Sentiment.of(0.9, Sentiment.Source.HUMAN));
    InteractionFixtures wild = new InteractionFixtures(fixedScore(7), LinkResolver.none());
    assertThat(wild.interactions.record(inbound("I-3", noon(2026, 2, 3)).summary(PersonalData.freeText("x")).build())
        .sentiment().orElseThrow().score()).as("an out-of-range host score is clamped").isEqualTo(1.0);
  }

  @Test
  @DisplayName("closing with a new summary re-scores a model's sentiment but keeps a person's")
  void closeRescores() {
    InteractionFixtures g = new InteractionFixtures(text -> java.util.OptionalDouble.of(text.contains("thanks") ? 0.9
        : -0.75), LinkResolver.none());
    g.interactions.record(inbound("I-1", noon(2026, 2, 1)).summary(PersonalData.freeText("waiting, terrible")).build());
    Interaction closed = g.interactions.close(InteractionId.of("I-1"), noon(2026, 2, 1).plusSeconds(60), "resolved",
        Optional.empty(), Optional.of(PersonalData.freeText("resolved quickly, thanks")));
    assertThat(closed.sentiment()).contains(Sentiment.of(0.9, Sentiment.Source.MODEL));
    g.interactions.record(inbound("I-2", noon(2026, 2, 2)).sentiment(Sentiment.of(-0.5, Sentiment.Source.HUMAN))
        .build());
    Interaction kept = g.interactions.close(InteractionId.of("I-2"), noon(2026, 2, 2).plusSeconds(60), "resolved",
        Optional.empty(), Optional.of(PersonalData.freeText("thanks")));
    assertThat(kept.sentiment()).contains(Sentiment.of(-0.5, Sentiment.Source.HUMAN));
  }

  @Test
  @DisplayName("an open interaction is closed, not corrected; a continuation link needs a continuation store")
  void correctionAndConfiguration() {
    f.interactions.record(inbound("I-1", noon(2026, 2, 1)).build());
    assertThatThrownBy(() -> f.interactions.correct(inbound("I-1-fix", noon(2026, 2, 1)).corrects(InteractionId.of("I-1"))
        .build()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Interaction I-1 is still open; close it with the right values instead of correcting it");
    Interactions without = Interactions.builder().customers(f.customers).agreements(f.agreements).log(f.log)
        .taxonomy(TAXONOMY).build();
    assertThatThrownBy(() -> without.record(inbound("I-2", noon(2026, 2, 1)).continuation(ContinuationId.of("k-1"))
        .build()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no ContinuationStore is configured to verify it");
  }

  @Test
  @DisplayName("the interaction's own rules: outbound needs a purpose, inbound has none, the end follows the start")
  void valueRules() {
    assertThatThrownBy(() -> ImmutableInteraction.copyOf(inbound("I-1", noon(2026, 2, 1)).build())
        .withDirection(Direction.OUTBOUND))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Interaction I-1 is OUTBOUND; a purpose is required for, and only for, outbound interactions");
    assertThatThrownBy(() -> inbound("I-1", noon(2026, 2, 2)).endedAt(noon(2026, 2, 1)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Interaction I-1 ends (2026-02-01T10:00:00Z) before it starts (2026-02-02T10:00:00Z)");
    assertThatThrownBy(() -> inbound("I-1", noon(2026, 2, 1)).amendment(AmendmentId.of("AM-1")).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessage("Interaction I-1 links amendment AM-1 without its agreement");
    assertThatThrownBy(() -> inbound("I-1", noon(2026, 2, 1)).summary(PersonalData.name("Dana")).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessage("Interaction I-1 summary must be FREE_TEXT, was NAME");
    Interaction i = inbound("I-1", noon(2026, 2, 1)).summary(PersonalData.freeText("Dana Levi called")).build();
    assertThat(i.toString()).isEqualTo("Interaction[I-1, customer C-1001, PHONE INBOUND, service.card, "
        + "2026-02-01T10:00:00Z (open)]");
    assertThat(List.of(i).toString()).doesNotContain("Dana");
  }

  @Test
  @DisplayName("a continuation or a corrected interaction must exist and belong to the same customer")
  void continuationAndCorrectionLinks() {
    assertThatThrownBy(() -> f.interactions.record(inbound("I-1", noon(2026, 2, 1))
        .continuation(ContinuationId.of("K-404")).build()))
        .isInstanceOf(UnknownEntityException.class)
        .hasMessage("Continuation K-404 does not exist; Interaction I-1 of customer C-1001 links it");
    Continuations.builder().store(f.continuations).interactions(f.interactions).clock(clockAt(noon(2026, 2, 1)))
        .build().start(ContinuationId.of("K-other"), OTHER, "loan", "details", java.util.Map.of(), Channel.WEB,
            java.util.Optional.empty());
    assertThatThrownBy(() -> f.interactions.record(inbound("I-2", noon(2026, 2, 1))
        .continuation(ContinuationId.of("K-other")).build()))
        .isInstanceOf(CrossCustomerLinkException.class)
        .hasMessage("Interaction I-2 of customer C-1001 links continuation K-other, which belongs to customer "
            + "C-2002; links must stay within one customer");
    assertThatThrownBy(() -> f.interactions.correct(inbound("I-3", noon(2026, 2, 1)).endedAt(noon(2026, 2, 1))
        .corrects(InteractionId.of("I-404")).build()))
        .isInstanceOf(UnknownEntityException.class)
        .hasMessage("Interaction I-404 does not exist; Interaction I-3 of customer C-1001 corrects it");
    f.interactions.record(Interaction.builder().id(InteractionId.of("I-9")).customer(OTHER).channel(Channel.PHONE)
        .direction(Direction.INBOUND).classification(InteractionClass.of("service.card")).startedAt(noon(2026, 2, 1))
        .endedAt(noon(2026, 2, 1)).performer(AGENT).build());
    assertThatThrownBy(() -> f.interactions.correct(inbound("I-4", noon(2026, 2, 1)).endedAt(noon(2026, 2, 1))
        .corrects(InteractionId.of("I-9")).build()))
        .isInstanceOf(CrossCustomerLinkException.class)
        .hasMessage("Interaction I-4 of customer C-1001 links corrected interaction I-9, which belongs to customer "
            + "C-2002; links must stay within one customer");
    assertThat(f.log.recent(CUSTOMER, 10)).isEmpty();
  }
}
