package io.cemkit.examples;

import io.cemkit.core.Actor;
import io.cemkit.core.Agreement;
import io.cemkit.core.AgreementSnapshot;
import io.cemkit.core.CemkitException;
import io.cemkit.core.Channel;
import io.cemkit.core.ConsentPurpose;
import io.cemkit.core.Continuation;
import io.cemkit.core.ContinuationId;
import io.cemkit.core.ContinuationSummary;
import io.cemkit.core.Continuations;
import io.cemkit.core.ContextWarning;
import io.cemkit.core.CustomerContext;
import io.cemkit.core.CustomerView;
import io.cemkit.core.Direction;
import io.cemkit.core.EntitlementCheck;
import io.cemkit.core.Individual;
import io.cemkit.core.Interaction;
import io.cemkit.core.InteractionClass;
import io.cemkit.core.InteractionId;
import io.cemkit.core.InteractionSummary;
import io.cemkit.core.InteractionTaxonomy;
import io.cemkit.core.Interactions;
import io.cemkit.core.JourneyStage;
import io.cemkit.core.Obligation;
import io.cemkit.core.PersonalData;
import io.cemkit.core.SecondCardFeeRule;
import io.cemkit.core.SettlementState;
import io.cemkit.core.Touchpoint;
import io.cemkit.core.VirtualClock;
import io.cemkit.core.spi.AgreementStore;
import io.cemkit.core.spi.ContinuationStore;
import io.cemkit.core.spi.CustomerStore;
import io.cemkit.core.spi.InteractionLog;
import io.cemkit.core.spi.SentimentAnalyzer;
import io.cemkit.nps.FeedbackLoop;
import io.cemkit.nps.FollowUp;
import io.cemkit.nps.NpsResponse;
import io.cemkit.nps.ResponseId;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The second half of the agreement story: every contact with Dana is documented (and one marketing
 * message is refused for lack of consent), she starts a loan application in the app and finishes it
 * at the branch, the bank's NPS survey after the switch finds her a detractor and opens a follow-up,
 * and when she calls again the agent opens her 360° context: agreements, payments, recent contacts
 * with their sentiment, her last feedback, where she stopped, and the warnings to read first.
 */
public final class ContextDemo {
  static final InteractionTaxonomy TAXONOMY = InteractionTaxonomy.of("service.card", "service.account",
      "sales.offer", "sales.loan", "continuation.channel-switch");

  private final PrintWriter out;
  private final CustomerStore customers = CustomerStore.inMemory();
  private final AgreementStore agreements = AgreementStore.inMemory();
  private final InteractionLog log = InteractionLog.inMemory();
  private final ContinuationStore continuations = ContinuationStore.inMemory();
  private final VirtualClock surveyClock = VirtualClock.at(AgreementDemo.at("2026-05-10"));
  private final FeedbackLoop feedback = FeedbackLoop.builder().clock(surveyClock).build();

  /**
   * A demo that prints to {@code out}.
   *
   * @param out where the story goes
   */
  public ContextDemo(PrintWriter out) {
    this.out = Objects.requireNonNull(out, "out");
  }

  /**
   * Runs the scenario on the agreement the agreement demo ended with.
   *
   * @param dana the customer
   * @param agreement her agreement
   * @return the view the agent opens on 2026-05-12
   */
  public CustomerView run(Individual dana, Agreement agreement) {
    customers.insert(dana);
    agreements.insert(agreement);
    Interactions interactions = Interactions.builder().customers(customers).agreements(agreements).log(log)
        .continuations(continuations).taxonomy(TAXONOMY).analyzer(SentimentAnalyzer.lexicon()).build();

    out.println("8. Every contact is documented");
    record(interactions, call("I-0107", "2026-01-07", "service.card", "I got the wrong card and nobody told me, very "
        + "disappointed"));
    record(interactions, call("I-0220", "2026-02-20", "service.card",
        "returned the silver card, thanks for the quick service"));
    try {
      interactions.record(offer("O-0502-W", Channel.WHATSAPP));
    } catch (CemkitException e) {
      out.println("  refused: " + e.getMessage());
    }
    record(interactions, offer("O-0502-E", Channel.EMAIL));
    out.println();

    out.println("9. A loan application started in the app is finished at the branch");
    Continuation started = continuations(interactions, "2026-05-05").start(ContinuationId.of("LOAN-77"),
        dana.id(), "loan-application", "details-entered", Map.of("amount", "40000", "term-months", "24"),
        Channel.APP, Optional.empty());
    out.printf("  %s started on %s at step %s%n", started.id(), started.startedOn(), started.step());
    Continuation resumed = continuations(interactions, "2026-05-07").resume(started.token(), dana.id(),
        Channel.BRANCH, Actor.agent("banker-17"));
    Continuation signed = continuations(interactions, "2026-05-07").advance(started.token(), dana.id(),
        "documents-signed", Map.of("income-verified", "yes"), Channel.BRANCH, Actor.agent("banker-17"));
    resumed.switches().forEach(sw -> out.printf("  channel switch %s -> %s on %s, recorded as interaction %s%n",
        sw.from(), sw.to(), LocalDate.ofInstant(sw.at(), AgreementDemo.ZONE), sw.interaction()));
    out.printf("  now at step %s, last on %s%n", signed.step(), signed.lastChannel());
    out.println();

    out.println("10. After the switch, the bank asks: would you recommend us to a friend?");
    FeedbackLoop.Recorded answer = feedback.record(NpsResponse.builder().id(ResponseId.of("S-0510"))
        .customer(dana.id()).score(6).at(surveyClock.instant()).touchpoint(Touchpoint.of("switch-survey"))
        .channel(Channel.EMAIL).comment(PersonalData.freeText("Four months and the switch is still not complete"))
        .build());
    FollowUp followUp = answer.followUp().orElseThrow();
    out.printf("  %s on %s by %s: %d of 10, a %s; follow-up %s %s (the comment is kept, never printed)%n",
        answer.response().id(), LocalDate.ofInstant(answer.response().at(), AgreementDemo.ZONE),
        answer.response().channel().orElseThrow(), answer.response().score(), answer.category(), followUp.id(),
        followUp.state());
    out.println();

    out.println("11. The customer calls again on 2026-05-12: the agent's 360° view");
    CustomerContext context = CustomerContext.builder().customers(customers).agreements(agreements).interactions(log)
        .continuations(continuations).feedback(feedback)
        .feeRules(List.of(SecondCardFeeRule.of("second-card-fee", Set.of("CARD-GOLD"))))
        .settlements((id, item) -> item.dueDate().isBefore(LocalDate.of(2026, 5, 1)) ? SettlementState.SETTLED
            : SettlementState.OPEN)
        .build();
    CustomerView view = context.open(dana.id(), Channel.PHONE, AgreementDemo.at("2026-05-12"));
    out.printf("  customer %s (%s), segments %s%n", view.customer().id(), view.customer().displayName(),
        view.customer().segments().stream().map(Object::toString).sorted().collect(Collectors.joining(", ")));
    for (AgreementSnapshot a : view.agreements()) {
      out.printf("  agreement %s %s, version %d in force; holds %s%n", a.id(), a.status(),
          a.versionInForce().orElse(0), a.heldAssets().stream().map(x -> x.id().value())
              .collect(Collectors.joining(", ")));
      for (EntitlementCheck e : a.entitlements()) {
        out.printf("    %-17s %s%s%n", e.serviceType(), e.allowed() ? "allowed" : "denied: " + e.denial().get(),
            e.remaining().map(r -> ", " + r + " left after this use").orElse(""));
      }
    }
    for (Obligation o : view.obligations()) {
      out.printf("  payment %s %-13s %10s  %s%n", o.item().dueDate(), o.item().charge(), o.item().amount(),
          o.overdue() ? "OVERDUE" : o.settlement());
    }
    for (InteractionSummary i : view.recentInteractions()) {
      out.printf("  contact %s %-8s %-9s %-27s %s%n", LocalDate.ofInstant(i.startedAt(), AgreementDemo.ZONE),
          i.channel(), i.direction(), i.classification(), i.sentiment().map(Object::toString).orElse("-"));
    }
    out.printf("  sentiment: %s over %d contact(s), trend %s%n",
        view.sentiment().score().map(v -> String.format(java.util.Locale.ROOT, "%.2f", v)).orElse("-"),
        view.sentiment().scored(), view.sentiment().trend());
    view.lastFeedback().ifPresent(f -> out.printf("  last feedback: %d of 10 on %s at %s%s%n", f.score().orElseThrow(),
        LocalDate.ofInstant(f.at(), AgreementDemo.ZONE), f.touchpoint().map(Touchpoint::code).orElse("-"),
        f.hasComment() ? ", with a comment" : ""));
    for (ContinuationSummary c : view.continuations()) {
      out.printf("  stopped at: %s %s at step %s (last on %s)%n", c.id(), c.action(), c.step(), c.lastChannel());
    }
    out.println("  warnings, most severe first:");
    for (ContextWarning w : view.warnings()) {
      out.printf("    %-6s %-26s %s%n", w.severity(), w.code(), w.message());
    }
    surveyClock.advance(java.time.Duration.between(surveyClock.instant(), view.at().plusSeconds(300)));
    FollowUp contacted = feedback.contact(followUp.id(), Actor.agent("banker-17"));
    out.printf("  the agent starts with the survey: follow-up %s %s by %s, %s after the answer%n", contacted.id(),
        contacted.state(), contacted.contactedBy().orElseThrow().id(),
        Figures.duration(contacted.timeToContact().orElseThrow()));
    out.flush();
    return view;
  }

  private void record(Interactions interactions, Interaction interaction) {
    Interaction stored = interactions.record(interaction);
    out.printf("  %s %s %-8s %-9s %-13s sentiment %s%n", stored.id(),
        LocalDate.ofInstant(stored.startedAt(), AgreementDemo.ZONE), stored.channel(), stored.direction(),
        stored.classification(), stored.sentiment().map(Object::toString).orElse("-"));
  }

  private Continuations continuations(Interactions interactions, String date) {
    return Continuations.builder().store(continuations).interactions(interactions)
        .clock(Clock.fixed(AgreementDemo.at(date), ZoneOffset.UTC)).build();
  }

  private static Interaction call(String id, String date, String cls, String summary) {
    Instant start = AgreementDemo.at(date);
    return Interaction.builder().id(InteractionId.of(id)).customer(AgreementDemo.DANA).channel(Channel.PHONE)
        .direction(Direction.INBOUND).classification(InteractionClass.of(cls)).touchpoint(Touchpoint.of("call-centre"))
        .stage(JourneyStage.ONBOARDING).startedAt(start).endedAt(start.plusSeconds(420))
        .performer(Actor.agent("banker-17")).outcome("resolved").agreement(AgreementDemo.AGREEMENT)
        .summary(PersonalData.freeText(summary)).build();
  }

  private static Interaction offer(String id, Channel channel) {
    return Interaction.builder().id(InteractionId.of(id)).customer(AgreementDemo.DANA).channel(channel)
        .direction(Direction.OUTBOUND).purpose(ConsentPurpose.MARKETING).classification(InteractionClass.of("sales.offer"))
        .startedAt(AgreementDemo.at("2026-05-02")).performer(Actor.system("campaigns")).build();
  }
}
