package io.cemkit.examples;

import static io.cemkit.examples.EventTrail.days;
import static io.cemkit.examples.EventTrail.hours;
import static io.cemkit.examples.EventTrail.minutes;
import static io.cemkit.examples.EventTrail.seconds;

import io.cemkit.journey.Funnel;
import io.cemkit.journey.JourneyEvent;
import io.cemkit.journey.JourneyMap;
import io.cemkit.journey.Variant;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * E5, seed 004: "visitors reach the product page, start the purchase, and suddenly leave and never come back".
 * Two weeks of a shop's visitors, simulated from a seed, walk browse → product → cart → checkout → payment →
 * confirmation on the web, in the app, by e-mail and by phone. The shipping cost that appears only once the
 * address is in sends many away; some come back after the reminder e-mail, often on their other device; a
 * declined card sends others to the phone. The {@code journey} module measures it all (funnel, drop-off and
 * what came next, channel switches and resumptions, sentiment and NPS per touchpoint, Markov attribution) and
 * compares it with the shop's designed map, {@code journeys/checkout.json}.
 *
 * @param out where the story goes
 * @param files where the pictures go
 */
record CheckoutDemo(PrintWriter out, DemoFiles files) {
  static final String MAP = "journeys/checkout.json";
  static final Funnel FUNNEL = Funnel.of("browse", "product", "cart", "checkout", "payment", "confirmation");
  static final int VISITORS = 3000;
  private static final long SEED = 20260304L;
  private static final Instant OPENING = Instant.parse("2026-03-01T06:00:00Z");

  ObservedStory run() {
    out.println("cemkit demo checkout-abandonment: where online shoppers leave, and what they do next (seed 004)");
    out.println();
    List<JourneyEvent> events = visitors();
    ObservedStory story = new ObservedStory(out, map(), events, FUNNEL);

    out.printf(Locale.ROOT, "1. Two weeks of a shop: %s visitors, %s events on the web, in the app, by e-mail and "
        + "by phone%n", Figures.count(story.observed().customers()), Figures.count(story.observed().events()));
    for (Variant v : story.observed().variants(3)) {
      out.printf(Locale.ROOT, "  %s visitors: %s%n", Figures.count(v.customers()), String.join(" > ", v.path()));
    }
    out.println();
    out.println("2. The funnel: " + String.join(" > ", FUNNEL.stages()));
    story.funnel("visitors");
    out.println();
    out.println("3. Who dropped where, and what they did next");
    story.dropOffs();
    out.println();
    out.println("4. Channels: switches, and stages continued in another channel");
    story.switches();
    out.println();
    out.println("5. How visitors felt, touchpoint by touchpoint (exit poll, call transcripts, order survey)");
    story.feedback();
    out.println();
    out.println("6. Which touchpoints the orders owe most to (Markov removal effect)");
    story.attribution(6);
    out.println();
    out.println("7. The designed map against what visitors did");
    story.comparison(5);
    out.println();
    out.println("8. Pictures");
    ObservedStory.mapPictures(out, files, "checkout", story.map());
    story.observedPictures(files, "checkout", "examples/src/main/resources/" + MAP);
    out.flush();
    return story;
  }

  /** The shop's designed journey map. */
  static JourneyMap map() {
    return ObservedStory.readMap(MAP);
  }

  /**
   * The seeded visitors. About a quarter come from the deals e-mail (half of them straight to a product);
   * a third of those who reach the shipping options leave there, half of them get a reminder e-mail a day
   * later and some come back, often on their other device; one payment in seven is declined and sends the
   * visitor to the phone.
   */
  static List<JourneyEvent> visitors() {
    EventTrail t = new EventTrail(SEED);
    for (int i = 1; i <= VISITORS; i++) {
      t.begin(String.format(Locale.ROOT, "v%05d", i), OPENING.plus(t.between(Duration.ZERO, days(14))));
      String device = t.chance(0.55) ? "web" : "app";
      boolean deepLink = false;
      if (t.chance(0.25)) {
        t.visit("promo-email", "browse", "email", Duration.ZERO, Duration.ZERO);
        deepLink = t.chance(0.5);
        t.wait(minutes(1), minutes(40));
      }
      if (!deepLink) {
        t.visit("home-page", "browse", device, Duration.ZERO, Duration.ZERO);
        if (t.chance(0.4)) {
          t.visit("search", "browse", device, seconds(20), minutes(2));
        }
        if (t.chance(0.18)) {
          continue;
        }
      }
      t.visit("product-page", "product", device, seconds(10), minutes(3));
      if (t.chance(0.35)) {
        t.visit("reviews", "product", device, minutes(1), minutes(4));
      }
      if (t.chance(0.25)) {
        t.visit("product-page", "product", device, seconds(30), minutes(3));
      }
      if (t.chance(0.45)) {
        continue;
      }
      t.visit("cart", "cart", device, seconds(30), minutes(3));
      if (t.chance(0.22)) {
        continue;
      }
      boolean trouble = false;
      if (!checkout(t, device, false)) {
        if (!t.chance(0.5)) {
          continue;
        }
        t.visit("cart-reminder-email", "cart", "email", hours(20), hours(28));
        if (!t.chance(0.4)) {
          continue;
        }
        device = t.chance(0.6) ? other(device) : device;
        t.visit("cart", "cart", device, minutes(10), hours(6));
        trouble = true;
        checkout(t, device, true);
      }
      t.visit("payment-page", "payment", device, seconds(30), minutes(2));
      if (t.chance(0.7)) {
        t.visit("3ds-check", "payment", device, seconds(20), seconds(90));
      }
      String confirmedOn = device;
      if (t.chance(0.14)) {
        t.visit("support-call", "payment", "phone", minutes(5), hours(3));
        t.feel(-0.3, 0.4);
        if (t.chance(0.5)) {
          t.answer(t.between(3, 8));
        }
        if (!t.chance(0.65)) {
          continue;
        }
        trouble = true;
        confirmedOn = "phone";
      } else if (t.chance(0.06)) {
        continue;
      }
      t.visit("order-confirmation", "confirmation", confirmedOn, seconds(5), seconds(30));
      t.outcome("order");
      if (t.chance(0.35)) {
        t.feel(0.6, 0.3);
        double u = t.fraction();
        t.answer(u < (trouble ? 0.30 : 0.55) ? t.between(9, 10) : u < (trouble ? 0.65 : 0.85) ? t.between(7, 8)
            : t.between(2, 6));
      }
      t.visit("confirmation-email", "confirmation", "email", minutes(1), minutes(4));
    }
    return t.events();
  }

  /** Details, then the shipping options; false when the visitor leaves at the shipping cost. */
  private static boolean checkout(EventTrail t, String device, boolean returning) {
    t.visit("checkout-details", "checkout", device, seconds(30), minutes(2));
    t.visit("shipping-options", "checkout", device, minutes(2), minutes(6));
    if (!returning && t.chance(0.36)) {
      if (t.chance(0.55)) {
        t.feel(-0.55, 0.35);
      }
      if (t.chance(0.2)) {
        t.visit("cart", "cart", device, seconds(10), minutes(1));
      }
      return false;
    }
    if (t.chance(0.12)) {
      t.feel(returning ? 0.3 : 0.2, 0.3);
    }
    return true;
  }

  private static String other(String device) {
    return device.equals("web") ? "app" : "web";
  }
}
