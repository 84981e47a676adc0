package io.cemkit.examples.jdbc;

import io.cemkit.core.Actor;
import io.cemkit.core.Agreement;
import io.cemkit.core.AgreementId;
import io.cemkit.core.AgreementItem;
import io.cemkit.core.AgreementItemId;
import io.cemkit.core.AgreementTerms;
import io.cemkit.core.ChangeContext;
import io.cemkit.core.Channel;
import io.cemkit.core.CustomerId;
import io.cemkit.core.DateRange;
import io.cemkit.core.Direction;
import io.cemkit.core.Evidence;
import io.cemkit.core.EvidenceMethod;
import io.cemkit.core.ImmutableInteraction;
import io.cemkit.core.Interaction;
import io.cemkit.core.InteractionClass;
import io.cemkit.core.InteractionId;
import io.cemkit.core.Product;
import io.cemkit.core.ProductKind;
import io.cemkit.core.ProviderId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;

/** The records the JDBC adapter tests write: small, but real aggregates. */
final class Samples {
  static final CustomerId DANA = CustomerId.of("C-1001");
  static final AgreementId AGREEMENT = AgreementId.of("AG-42");
  static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  private Samples() {}

  static ChangeContext ctx(String date, String reason) {
    Instant at = LocalDate.parse(date).atTime(12, 0).toInstant(ZoneOffset.UTC);
    return ChangeContext.of(Clock.fixed(at, ZoneOffset.UTC), Actor.agent("a-17"), Channel.BRANCH, reason);
  }

  /** Agreement {@code id} of {@link #DANA}, signed on 2025-12-21 and active since 2026-01-01. */
  static Agreement active(AgreementId id) {
    AgreementTerms terms = AgreementTerms.builder()
        .term(DateRange.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)))
        .currency(Currency.getInstance("ILS"))
        .addItems(AgreementItem.of(AgreementItemId.of("account"),
            Product.of("CHECKING", "Checking account", ProductKind.SERVICE)))
        .build();
    Instant signed = LocalDate.of(2025, 12, 21).atTime(12, 0).toInstant(ZoneOffset.UTC);
    return Agreement.draft(id, DANA, ProviderId.of("bank"), ZoneOffset.UTC, terms, ctx("2025-12-20", "opening"))
        .sign(Evidence.of(signed, Channel.BRANCH, EvidenceMethod.SIGNATURE, "DOC-1"), ctx("2025-12-21", "signed"))
        .activate(ctx("2026-01-01", "activated"));
  }

  static Agreement active() {
    return active(AGREEMENT);
  }

  /** {@link #active()}, suspended on 2026-02-10. */
  static Agreement suspended() {
    return active().suspend(ctx("2026-02-10", "suspended"));
  }

  /** An open inbound phone call of {@link #DANA}. */
  static Interaction call(String id, Instant startedAt) {
    return Interaction.builder().id(InteractionId.of(id)).customer(DANA).channel(Channel.PHONE)
        .direction(Direction.INBOUND).classification(InteractionClass.of("billing.dispute")).startedAt(startedAt)
        .performer(Actor.agent("a-17")).build();
  }

  /** {@code open}, closed ten minutes after its start. */
  static Interaction closed(Interaction open) {
    return ImmutableInteraction.copyOf(open).withEndedAt(open.startedAt().plus(Duration.ofMinutes(10)))
        .withOutcome("resolved");
  }
}
