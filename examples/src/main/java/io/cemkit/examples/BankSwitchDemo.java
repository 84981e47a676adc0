package io.cemkit.examples;

import io.cemkit.core.Agreement;
import io.cemkit.core.CustomerView;
import io.cemkit.journey.CurvePoint;
import io.cemkit.journey.Funnel;
import io.cemkit.journey.HandoffFlag;
import io.cemkit.journey.InterfaceConflict;
import io.cemkit.journey.JourneyMap;
import io.cemkit.workflow.ProcessInstance;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * E1, seed 001, switching banks: the whole story. Dana's agreement (the wrong card, the waived second-card fee,
 * the consent to a new price), her contacts, the loan she carries from the app to the branch, the survey after
 * the switch and the 360° view the agent opens when she calls again, and her suspension request through the
 * step engine; then the bank's side: its map of a prospect's journey with the handoff from the "new customers"
 * team to "existing customers" service flagged, onboarding as a process with queues and an SLA on the bank's
 * calendar, and what 2,000 simulated prospects really did, against the map.
 *
 * @param out where the story goes
 * @param files where the pictures go
 */
record BankSwitchDemo(PrintWriter out, DemoFiles files) {
  static final String MAP = "journeys/bank-switch.json";
  static final Funnel FUNNEL = Funnel.of("awareness", "consideration", "purchase", "onboarding", "service");
  static final String NEW_CUSTOMERS = "New customers team";
  static final String EXISTING_CUSTOMERS = "Existing customers service";

  /**
   * What the story came to.
   *
   * @param agreement Dana's agreement at the end
   * @param view the agent's view when she calls again
   * @param suspension her suspension request, completed
   * @param map the bank's journey map
   * @param onboarding the fortnight of onboarding
   * @param prospects the observed prospects
   */
  record Outcome(Agreement agreement, CustomerView view, ProcessInstance suspension, JourneyMap map,
      OnboardingDemo.Outcome onboarding, ObservedStory prospects) {}

  Outcome run() {
    Agreement agreement = new AgreementDemo(out).run();
    out.println();
    CustomerView view = new ContextDemo(out).run(AgreementDemo.customer(), agreement);
    out.println();
    ProcessInstance suspension = new WorkflowDemo(out).run();
    out.println();

    JourneyMap map = ObservedStory.readMap(MAP);
    mapStory(map);
    out.println();
    OnboardingDemo.Outcome onboarding = new OnboardingDemo(out).run();
    out.println();

    out.printf(Locale.ROOT, "15. What %s prospects really did (simulated), against the map%n",
        Figures.count(ProspectJourneys.PROSPECTS));
    ObservedStory prospects = new ObservedStory(out, map, ProspectJourneys.events(), FUNNEL);
    out.println("  the funnel: " + String.join(" > ", FUNNEL.stages()));
    prospects.funnel("prospects");
    prospects.dropOffs();
    prospects.switches();
    prospects.feedback();
    prospects.comparison(3);
    prospects.comparison().handoffLosses().stream().filter(h -> h.from().equals("temporary-card")
        && h.to().equals("order-follow-up")).forEach(h -> out.printf(Locale.ROOT, "  !! at the seed's handoff, "
            + "%s of the %s customers who got the wrong card never reached the existing customers' service: they "
            + "left during onboarding%n", Figures.count(h.customersAtFrom() - h.reachedTo()),
            Figures.count(h.customersAtFrom())));
    prospects.observedPictures(files, "bank-switch", "examples/src/main/resources/" + MAP);
    out.flush();
    return new Outcome(agreement, view, suspension, map, onboarding, prospects);
  }

  /** Section 13: the designed map, its moments of truth, its handoffs (the seed's one flagged) and conflicts. */
  private void mapStory(JourneyMap map) {
    out.println("13. The bank's map of a prospect's switch (" + MAP + ")");
    out.printf(Locale.ROOT, "  %s: %s, a %s in segment %s; %d stages, %d touchpoints, %d blueprint steps%n",
        map.title(), map.persona().name(), map.audience().name().toLowerCase(Locale.ROOT),
        map.segment().map(Object::toString).orElse("-"), map.stages().size(), map.touchpoints().size(),
        map.steps().size());
    out.println("  moments of truth: " + map.curve().lowPoints().stream().map(BankSwitchDemo::point)
        .collect(Collectors.joining(", ")));
    out.println("  handoffs, riskiest first:");
    for (HandoffFlag h : map.handoffs()) {
      boolean seed = h.fromOwner().equals(NEW_CUSTOMERS) && h.toOwner().equals(EXISTING_CUSTOMERS);
      out.printf(Locale.ROOT, "  %s %s (%s) -> %s (%s): risk %.2f, emotion drop %.2f, %s across%s%n",
          seed ? "!!" : "  ", h.from().code(), h.fromOwner(), h.to().code(), h.toOwner(), h.risk(), h.emotionDrop(),
          Figures.duration(h.span()), seed ? " <- the 'new customer' chapter closes, 'existing customer' opens "
              + "with other owners" : "");
    }
    for (InterfaceConflict c : map.interfaceConflicts()) {
      out.printf(Locale.ROOT, "  two messages on '%s' in %s: %s%n", c.topic(), c.stage().code(), c.messages().stream()
          .map(m -> m.owner() + ": \"" + m.text() + "\"").collect(Collectors.joining(" / ")));
    }
    ObservedStory.mapPictures(out, files, "bank-switch", map);
  }

  private static String point(CurvePoint p) {
    return String.format(Locale.ROOT, "%s %s %+.1f", p.touchpoint().code(), p.emotion().name(), p.valence());
  }
}
