package io.cemkit.examples;

import static io.cemkit.examples.EventTrail.days;
import static io.cemkit.examples.EventTrail.hours;
import static io.cemkit.examples.EventTrail.minutes;
import static io.cemkit.examples.EventTrail.seconds;

import io.cemkit.journey.Funnel;
import io.cemkit.journey.JourneyEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The fund's members for E3, simulated from a seed: three weeks of bookings in the app, on the web and by phone,
 * then the visit, for some a referral to a partner specialist, and the results by message. About a third of
 * those who start in the app find no slot they can take there and stop; most of them call the call centre the
 * next day (the booking continued in another channel), some give up. A few miss the visit; some of the referred
 * never reach the specialist within the weeks observed.
 */
final class ClinicJourneys {
  static final String MAP = "journeys/clinic.json";
  static final Funnel FUNNEL = Funnel.of("booking", "visit", "results");
  static final int MEMBERS = 1200;
  private static final long SEED = 20260607L;
  private static final Instant OPENING = Instant.parse("2026-06-01T05:00:00Z");

  private ClinicJourneys() {}

  static List<JourneyEvent> events() {
    EventTrail t = new EventTrail(SEED);
    for (int i = 1; i <= MEMBERS; i++) {
      t.begin(String.format(Locale.ROOT, "m%05d", i), OPENING.plus(t.between(Duration.ZERO, days(21))));
      double channel = t.fraction();
      if (channel < 0.5) {
        t.visit("app-booking", "booking", "app", Duration.ZERO, Duration.ZERO);
        if (t.chance(0.32) && !calls(t, 0.65)) {
          continue;
        }
      } else if (channel < 0.75) {
        t.visit("web-booking", "booking", "web", Duration.ZERO, Duration.ZERO);
        if (t.chance(0.18) && !calls(t, 0.5)) {
          continue;
        }
      } else {
        t.visit("call-centre", "booking", "phone", Duration.ZERO, Duration.ZERO);
        t.feel(-0.05, 0.5);
      }
      t.visit("confirmation-message", "booking", "sms", seconds(10), minutes(3));
      if (t.chance(0.07)) {
        continue;
      }
      t.visit("clinic-visit", "visit", "branch", days(1), days(6));
      if (t.chance(0.3)) {
        t.visit("referral-letter", "referral", "branch", minutes(10), minutes(25));
        if (t.chance(0.16)) {
          continue;
        }
        t.visit("specialist-visit", "referral", "branch", days(3), days(12));
        t.feel(0.1, 0.5);
      }
      t.visit("results-message", "results", "sms", hours(4), days(3));
      if (t.chance(0.4)) {
        t.feel(0.45, 0.4);
        double u = t.fraction();
        t.answer(u < 0.5 ? t.between(9, 10) : u < 0.8 ? t.between(7, 8) : t.between(3, 6));
      }
    }
    return t.events();
  }

  /**
   * The member stopped without a slot; with probability {@code p} she calls the call centre the next day and
   * books there, waiting on the line at opening time.
   */
  private static boolean calls(EventTrail t, double p) {
    t.feel(-0.45, 0.3);
    if (!t.chance(p)) {
      return false;
    }
    t.visit("call-centre", "booking", "phone", hours(10), hours(20));
    t.feel(-0.35, 0.4);
    return true;
  }
}
