package io.cemkit.examples;

import static io.cemkit.examples.EventTrail.days;
import static io.cemkit.examples.EventTrail.hours;

import io.cemkit.journey.JourneyEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Seeded prospects of seed 001's bank (E1): people whose old bank ends its no-fee offer, or whose friends talk
 * about fees, compare banks, and some of them switch. Most openings go smoothly; about one in eight gets the
 * wrong card, and those customers call, are told of the second-card fee, leave during onboarding more often,
 * tell their story in public and answer the bank's survey as detractors. Touchpoints the bank's map does not
 * have appear too: the online application, the first monthly statement and the survey itself.
 */
final class ProspectJourneys {
  static final int PROSPECTS = 2000;
  private static final long SEED = 20260101L;
  private static final Instant FIRST = Instant.parse("2026-01-01T08:00:00Z");

  private ProspectJourneys() {}

  static List<JourneyEvent> events() {
    EventTrail t = new EventTrail(SEED);
    for (int i = 1; i <= PROSPECTS; i++) {
      t.begin(String.format(Locale.ROOT, "p%05d", i), FIRST.plus(t.between(Duration.ZERO, days(60))));
      if (t.chance(0.65)) {
        t.visit("old-bank-notice", "awareness", "letter", Duration.ZERO, Duration.ZERO);
        if (t.chance(0.25)) {
          t.visit("friends-advice", "awareness", "social", days(1), days(10));
        }
      } else {
        t.visit("friends-advice", "awareness", "social", Duration.ZERO, Duration.ZERO);
      }
      if (t.chance(0.15)) {
        continue;
      }
      t.visit("fee-comparison", "consideration", "web", days(1), days(14));
      if (t.chance(0.35)) {
        t.visit("press-coverage", "consideration", "web", hours(1), days(3));
      }
      if (t.chance(0.3)) {
        t.visit("fee-comparison", "consideration", "web", hours(2), days(5));
      }
      if (t.chance(0.5)) {
        continue;
      }
      if (t.chance(0.7)) {
        t.visit("branch-opening", "purchase", "branch", days(2), days(20));
        if (t.chance(0.4)) {
          t.feel(0.6, 0.3);
        }
      } else {
        t.visit("online-application", "purchase", "web", days(2), days(20));
      }
      onboard(t);
    }
    return t.events();
  }

  private static void onboard(EventTrail t) {
    Instant opened = t.now();
    t.visit("account-transfer", "onboarding", "fax", days(1), days(3));
    t.visit("card-delivery", "onboarding", "letter", days(4), days(8));
    boolean wrongCard = t.chance(0.12);
    if (wrongCard) {
      t.feel(-0.5, 0.3);
      t.visit("temporary-card", "onboarding", "branch", days(1), days(3));
      t.feel(-0.3, 0.3);
    }
    if (t.chance(wrongCard ? 0.3 : 0.06)) {
      if (wrongCard && t.chance(0.4)) {
        t.visit("public-story", "loyalty", "social", days(2), days(20));
        t.feel(-0.7, 0.2);
      }
      return;
    }
    boolean feeNotice = false;
    if (wrongCard) {
      t.visit("order-follow-up", "service", "phone", days(7), days(8));
      t.feel(-0.6, 0.3);
      if (t.chance(0.55)) {
        feeNotice = true;
        t.visit("fee-notice", "service", "phone", days(3), days(4));
        t.feel(-0.8, 0.2);
      }
    } else {
      Duration sinceOpening = Duration.between(opened, t.now());
      t.visit("monthly-statement", "service", "app", days(30).minus(sinceOpening), days(31).minus(sinceOpening));
    }
    if (t.chance(0.6)) {
      t.visit("switch-survey", "loyalty", "email", days(10), days(20));
      double u = t.fraction();
      t.answer(u < (wrongCard ? 0.1 : 0.55) ? t.between(9, 10) : u < (wrongCard ? 0.4 : 0.85) ? t.between(7, 8)
          : t.between(2, 6));
    }
    if (feeNotice && t.chance(0.5)) {
      t.visit("switch-incomplete", "loyalty", "phone", days(20), days(60));
      t.feel(-0.7, 0.2);
      if (t.chance(0.25)) {
        t.visit("public-story", "loyalty", "social", days(1), days(10));
        t.feel(-0.7, 0.2);
      }
    }
  }
}
