package io.cemkit.core;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Answers "is this customer entitled to X now, and with which SLA?" from an agreement, the terms in
 * force at the instant asked about, and the usage recorded up to that instant.
 *
 * <p>The checks, in order: the agreement's status at that instant (active or serving notice), the
 * end of service as known then (a notice date that has passed ends it), the terms in force ({@link Agreement#versionAt}), the term not being over, an entitlement of that
 * service type, its validity, its channels, and its quota for the period (term, calendar month or
 * calendar year, in the agreement's time zone). The first entitlement that allows wins; if none
 * does, the answer carries the most specific denial.
 */
public final class Entitlements {
  private Entitlements() {}

  /**
   * Whether one unit of {@code serviceType} may be used at {@code at}, through any channel.
   *
   * @param agreement the agreement
   * @param serviceType the service type, e.g. {@code technician-visit}
   * @param at the instant
   * @return the answer
   */
  public static EntitlementCheck check(Agreement agreement, String serviceType, Instant at) {
    return check(agreement, serviceType, Optional.empty(), at, 1);
  }

  /**
   * Whether one unit of {@code serviceType} may be used at {@code at} through {@code channel}.
   *
   * @param agreement the agreement
   * @param serviceType the service type
   * @param channel the channel
   * @param at the instant
   * @return the answer
   */
  public static EntitlementCheck check(Agreement agreement, String serviceType, Channel channel, Instant at) {
    return check(agreement, serviceType, Optional.of(Objects.requireNonNull(channel, "channel")), at, 1);
  }

  /**
   * Whether {@code units} units of {@code serviceType} may be used at {@code at}.
   *
   * @param agreement the agreement
   * @param serviceType the service type
   * @param channel the channel, or empty for any
   * @param at the instant
   * @param units how many units, at least 1
   * @return the answer
   */
  public static EntitlementCheck check(Agreement agreement, String serviceType, Optional<Channel> channel, Instant at,
      int units) {
    Objects.requireNonNull(agreement, "agreement");
    Objects.requireNonNull(serviceType, "serviceType");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(at, "at");
    io.cemkit.core.internal.Checks.atLeast("units", units, 1);
    return evaluate(agreement, serviceType, null, channel, at, units);
  }

  /**
   * Whether {@code units} units of one specific entitlement may be used at {@code at}.
   *
   * @param agreement the agreement
   * @param entitlement the entitlement's id
   * @param channel the channel, or empty for any
   * @param at the instant
   * @param units how many units, at least 1
   * @return the answer
   */
  public static EntitlementCheck check(Agreement agreement, EntitlementId entitlement, Optional<Channel> channel,
      Instant at, int units) {
    Objects.requireNonNull(agreement, "agreement");
    Objects.requireNonNull(entitlement, "entitlement");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(at, "at");
    io.cemkit.core.internal.Checks.atLeast("units", units, 1);
    String serviceType = agreement.versionAt(LocalDate.ofInstant(at, agreement.zone()))
        .flatMap(v -> v.terms().entitlement(entitlement)).map(Entitlement::serviceType)
        .orElse(entitlement.value());
    return evaluate(agreement, serviceType, entitlement, channel, at, units);
  }

  private static EntitlementCheck evaluate(Agreement agreement, String serviceType, EntitlementId only,
      Optional<Channel> channel, Instant at, int units) {
    ImmutableEntitlementCheck.Builder base = EntitlementCheck.builder().agreement(agreement.id())
        .serviceType(serviceType).at(at);
    String subject = "Agreement " + agreement.id();
    Optional<AgreementStatus> status = agreement.statusAt(at);
    if (status.isEmpty()) {
      return deny(base, DenialReason.AGREEMENT_NOT_ACTIVE, subject + " did not exist at " + at);
    }
    switch (status.get()) {
      case DRAFT:
      case PENDING_ACTIVATION:
        return deny(base, DenialReason.AGREEMENT_NOT_ACTIVE, subject + " is " + status.get() + " at " + at
            + "; nothing is served before activation");
      case SUSPENDED:
        return deny(base, DenialReason.AGREEMENT_SUSPENDED, subject + " is suspended at " + at);
      case TERMINATED:
      case CANCELLED:
      case EXPIRED:
        return deny(base, DenialReason.AGREEMENT_ENDED, subject + " is " + status.get() + " at " + at);
      default:
        break;
    }
    LocalDate date = LocalDate.ofInstant(at, agreement.zone());
    Optional<LocalDate> end = agreement.serviceEndAt(at);
    if (end.isPresent() && !date.isBefore(end.get())) {
      return deny(base, DenialReason.AGREEMENT_ENDED, subject + "'s service ended on " + end.get());
    }
    Optional<AgreementVersion> version = agreement.versionAt(date);
    if (version.isEmpty()) {
      return deny(base, DenialReason.AGREEMENT_NOT_ACTIVE, subject + "'s terms take effect on "
          + agreement.versions().get(0).effectiveFrom() + ", after " + date);
    }
    AgreementTerms terms = version.get().terms();
    if (terms.term().end().map(date::isAfter).orElse(false)) {
      return deny(base, DenialReason.AGREEMENT_ENDED, subject + "'s term ended on " + terms.term().end().get());
    }
    List<Entitlement> candidates = terms.entitlements().stream()
        .filter(e -> only == null ? e.serviceType().equals(serviceType) : e.id().equals(only))
        .collect(Collectors.toList());
    if (candidates.isEmpty()) {
      return deny(base, DenialReason.NOT_COVERED, subject + " (version " + version.get().number() + ") does not cover "
          + (only == null ? "service type '" + serviceType + "'" : "entitlement " + only));
    }
    DenialReason best = null;
    Entitlement closest = null;
    String bestMessage = null;
    Integer bestRemaining = null;
    for (Entitlement e : candidates) {
      DenialReason reason = null;
      String message = null;
      Integer remaining = null;
      Optional<DateRange> validity = e.validity();
      if (validity.isPresent() && date.isBefore(validity.get().start())) {
        reason = DenialReason.NOT_YET_VALID;
        message = "entitlement " + e.id() + " is valid from " + validity.get().start();
      } else if (validity.isPresent() && validity.get().end().map(date::isAfter).orElse(false)) {
        reason = DenialReason.EXPIRED;
        message = "entitlement " + e.id() + " expired on " + validity.get().end().get();
      } else if (channel.isPresent() && !e.channels().isEmpty() && !e.channels().contains(channel.get())) {
        reason = DenialReason.CHANNEL_NOT_COVERED;
        message = "entitlement " + e.id() + " covers " + e.channels().stream().map(Enum::name).sorted()
            .collect(Collectors.joining(", ")) + ", not " + channel.get();
      } else if (e.quota().isPresent()) {
        int used = used(agreement, e, terms, at, date);
        int left = e.quota().get() - used;
        if (left < units) {
          reason = DenialReason.QUOTA_EXHAUSTED;
          message = "entitlement " + e.id() + " allows " + e.quota().get() + " per " + e.quotaPeriod().name()
              .toLowerCase(java.util.Locale.ROOT) + ", " + used + " used, " + units + " asked";
          remaining = Math.max(left, 0);
        } else {
          remaining = left - units;
        }
      }
      if (reason == null) {
        base.allowed(true).entitlement(e).message(subject + " allows " + serviceType + " through entitlement " + e.id()
            + (remaining == null ? "" : " (" + remaining + " left after this use)")
            + e.sla().map(s -> "; SLA first response " + s.firstResponse() + ", resolution " + s.resolution())
                .orElse(""));
        if (remaining != null) {
          base.remaining(remaining);
        }
        return base.build();
      }
      if (best == null || reason.compareTo(best) > 0) {
        best = reason;
        closest = e;
        bestMessage = message;
        bestRemaining = remaining;
      }
    }
    base.entitlement(closest);
    if (bestRemaining != null) {
      base.remaining(bestRemaining);
    }
    return deny(base, best, subject + ": " + bestMessage);
  }

  private static EntitlementCheck deny(ImmutableEntitlementCheck.Builder base, DenialReason reason, String message) {
    return base.allowed(false).denial(reason).message(message).build();
  }

  /**
   * Units of {@code entitlement} used up to {@code at} within its quota period containing {@code date}.
   */
  static int used(Agreement agreement, Entitlement entitlement, AgreementTerms terms, Instant at, LocalDate date) {
    int used = 0;
    for (AgreementEvent event : agreement.events()) {
      if (event.at().isAfter(at)) {
        break;
      }
      if (event.type() != AgreementEventType.USAGE_RECORDED
          || !event.entitlement().map(entitlement.id()::equals).orElse(false)) {
        continue;
      }
      LocalDate usedOn = LocalDate.ofInstant(event.at(), agreement.zone());
      boolean samePeriod;
      switch (entitlement.quotaPeriod()) {
        case MONTH:
          samePeriod = YearMonth.from(usedOn).equals(YearMonth.from(date));
          break;
        case YEAR:
          samePeriod = usedOn.getYear() == date.getYear();
          break;
        default:
          samePeriod = terms.term().contains(usedOn);
          break;
      }
      if (samePeriod) {
        used += event.units().orElse(0);
      }
    }
    return used;
  }
}
