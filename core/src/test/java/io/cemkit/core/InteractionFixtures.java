package io.cemkit.core;

import static io.cemkit.core.Fixtures.*;

import io.cemkit.core.spi.AgreementStore;
import io.cemkit.core.spi.ContinuationStore;
import io.cemkit.core.spi.CustomerStore;
import io.cemkit.core.spi.InteractionLog;
import io.cemkit.core.spi.LinkResolver;
import io.cemkit.core.spi.SentimentAnalyzer;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** Stores, a customer with consents, and the services wired over them. */
final class InteractionFixtures {
  static final CustomerId OTHER = CustomerId.of("C-2002");
  static final AgreementId OTHER_AGREEMENT = AgreementId.of("AG-77");
  static final InteractionTaxonomy TAXONOMY = InteractionTaxonomy.of("service.card", "billing.dispute",
      "sales.offer", "survey.nps", "collection.reminder", "continuation.channel-switch");

  final CustomerStore customers = CustomerStore.inMemory();
  final AgreementStore agreements = AgreementStore.inMemory();
  final InteractionLog log = InteractionLog.inMemory();
  final ContinuationStore continuations = ContinuationStore.inMemory();
  final Interactions interactions;

  InteractionFixtures() {
    this(SentimentAnalyzer.none(), LinkResolver.none());
  }

  InteractionFixtures(SentimentAnalyzer analyzer, LinkResolver links) {
    customers.insert(dana());
    customers.insert(Individual.builder().id(OTHER).name(PersonalData.name("Avi Cohen")).build());
    agreements.insert(active());
    agreements.insert(Agreement.draft(OTHER_AGREEMENT, OTHER, BANK, ZONE, terms(), ctx(2025, 12, 20)));
    interactions = Interactions.builder().customers(customers).agreements(agreements).log(log).taxonomy(TAXONOMY)
        .analyzer(analyzer).links(links).continuations(continuations).build();
  }

  /** Marketing granted on e-mail, denied on WhatsApp; SMS withdrawn for service messages. */
  static Individual dana() {
    Instant t = noon(2025, 12, 1);
    Evidence form = Evidence.of(t, Channel.BRANCH, EvidenceMethod.WRITTEN_FORM, "FORM-1");
    return Individual.builder().id(CUSTOMER).name(PersonalData.name("Dana Levi"))
        .addContactPoints(ContactPoint.of(Channel.EMAIL, PersonalData.email("dana@example.com")))
        .addContactPoints(ContactPoint.of(Channel.WHATSAPP, PersonalData.phone("+972-54-1234567")))
        .build()
        .withConsent(record(ConsentPurpose.MARKETING, Channel.EMAIL, ConsentDecision.GRANTED, t, form))
        .withConsent(record(ConsentPurpose.MARKETING, Channel.WHATSAPP, ConsentDecision.DENIED, t, form))
        .withConsent(record(ConsentPurpose.SERVICE, Channel.SMS, ConsentDecision.WITHDRAWN, t, form));
  }

  static ConsentRecord record(ConsentPurpose purpose, Channel channel, ConsentDecision decision, Instant t,
      Evidence evidence) {
    return ConsentRecord.builder().purpose(purpose).channel(channel).decision(decision).validFrom(t).recordedAt(t)
        .evidence(evidence).build();
  }

  static ImmutableInteraction.Builder inbound(String id, Instant at) {
    return Interaction.builder().id(InteractionId.of(id)).customer(CUSTOMER).channel(Channel.PHONE)
        .direction(Direction.INBOUND).classification(InteractionClass.of("service.card")).startedAt(at)
        .performer(AGENT);
  }

  static ImmutableInteraction.Builder outbound(String id, Channel channel, ConsentPurpose purpose, String cls) {
    return Interaction.builder().id(InteractionId.of(id)).customer(CUSTOMER).channel(channel)
        .direction(Direction.OUTBOUND).purpose(purpose).classification(InteractionClass.of(cls))
        .startedAt(noon(2026, 2, 1)).performer(Actor.system("campaigns"));
  }

  static SentimentAnalyzer fixedScore(double score) {
    return text -> OptionalDouble.of(score);
  }

  static LinkResolver links(Map<ProcessInstanceId, CustomerId> processes, Map<InvoiceId, CustomerId> invoices) {
    return new LinkResolver() {
      @Override
      public Optional<CustomerId> ownerOf(ProcessInstanceId id) {
        return Optional.ofNullable(processes.get(id));
      }

      @Override
      public Optional<CustomerId> ownerOf(InvoiceId id) {
        return Optional.ofNullable(invoices.get(id));
      }
    };
  }
}
