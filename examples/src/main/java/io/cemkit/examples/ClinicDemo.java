package io.cemkit.examples;

import io.cemkit.core.Actor;
import io.cemkit.core.Agreement;
import io.cemkit.core.AgreementId;
import io.cemkit.core.AgreementItem;
import io.cemkit.core.AgreementItemId;
import io.cemkit.core.AgreementTerms;
import io.cemkit.core.BillingFrequency;
import io.cemkit.core.CemkitException;
import io.cemkit.core.ChangeContext;
import io.cemkit.core.Channel;
import io.cemkit.core.Charge;
import io.cemkit.core.ChargeBasis;
import io.cemkit.core.ChargeId;
import io.cemkit.core.ConsentPurpose;
import io.cemkit.core.ConsentRequiredException;
import io.cemkit.core.ContactPoint;
import io.cemkit.core.ContinuationSummary;
import io.cemkit.core.Customer;
import io.cemkit.core.CustomerId;
import io.cemkit.core.CustomerView;
import io.cemkit.core.DateRange;
import io.cemkit.core.Direction;
import io.cemkit.core.DuplicateEntityException;
import io.cemkit.core.Entitlement;
import io.cemkit.core.EntitlementCheck;
import io.cemkit.core.EntitlementId;
import io.cemkit.core.Entitlements;
import io.cemkit.core.Evidence;
import io.cemkit.core.EvidenceMethod;
import io.cemkit.core.Individual;
import io.cemkit.core.Interaction;
import io.cemkit.core.InteractionClass;
import io.cemkit.core.InteractionId;
import io.cemkit.core.InteractionSummary;
import io.cemkit.core.InteractionTaxonomy;
import io.cemkit.core.Money;
import io.cemkit.core.Periodicity;
import io.cemkit.core.PersonalData;
import io.cemkit.core.ProcessSummary;
import io.cemkit.core.Product;
import io.cemkit.core.ProductKind;
import io.cemkit.core.ProviderId;
import io.cemkit.core.RenewalPolicy;
import io.cemkit.core.VirtualClock;
import io.cemkit.core.spi.Versioned;
import io.cemkit.workflow.AuditRecord;
import io.cemkit.workflow.Completion;
import io.cemkit.workflow.Omnichannel;
import io.cemkit.workflow.Performer;
import io.cemkit.workflow.ProcessDefinition;
import io.cemkit.workflow.ProcessDefinitionJson;
import io.cemkit.workflow.ProcessInstance;
import io.cemkit.workflow.StartRequest;
import io.cemkit.workflow.Step;
import io.cemkit.workflow.StepContext;
import io.cemkit.workflow.StepResult;
import io.cemkit.workflow.WorkItem;
import io.cemkit.workflow.WorkflowEngine;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * E3, seed 003, clinic appointments: "a medical services company talks to its members when appointments are
 * made, when a doctor refers them, when results are sent, through the app, the website, the call centre or
 * messages; an independent doctor who serves the fund must connect to its systems". Appointment booking is a
 * small process built here (not one of the CRM's own): members book in the app, on the web or through the call
 * centre, and the confirmation goes by message on a channel the member allows. Noa starts booking in the app,
 * stops, and calls; the agent resumes her booking with the token ({@link Omnichannel}), the switch is recorded,
 * and the agent's 360° view shows where she stopped and, after the call, nothing open. Her family doctor
 * refers her to an independent cardiologist, a partner who leases the referral from the fund's engine and
 * reports through it; the results go to her by message. Last, 1,200 members' seeded bookings, observed with
 * the journey module against the fund's designed map: where they switch channels and where they drop.
 *
 * @param out where the story goes
 * @param files where the pictures go
 */
record ClinicDemo(PrintWriter out, DemoFiles files) {
  static final ZoneId ZONE = ZoneId.of("Asia/Jerusalem");
  static final CustomerId NOA = CustomerId.of("C-4001");
  static final CustomerId DAN = CustomerId.of("C-4002");
  static final CustomerId RINA = CustomerId.of("C-4003");
  static final CustomerId YOSSI = CustomerId.of("C-4004");
  static final String APPOINTMENT = "appointment";
  static final String REFERRAL = "referral";
  static final String SCHEDULING = "scheduling";
  static final String CALL_CENTRE = "call-centre";
  static final String CARDIOLOGIST = "dr-mizrahi";
  static final String CONFIRMATION_CLASS = "clinic.confirmation";
  static final String RESULTS_CLASS = "clinic.results";
  /** Where messages go, in the fund's order of preference. */
  static final List<Channel> MESSAGE_CHANNELS = List.of(Channel.EMAIL, Channel.SMS);
  static final AgreementItemId PLAN = AgreementItemId.of("plan");
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm", Locale.ROOT)
      .withZone(ZONE);

  /**
   * What the story came to.
   *
   * @param bookings the four bookings, in the order they were made
   * @param before Noa's view when she calls, before the agent resumes her booking
   * @param after her view once the agent has booked
   * @param switched the channels of her recorded switch, {@code APP -> PHONE}
   * @param referral the referral, completed
   * @param results the results message
   * @param journeys the observed bookings of many members
   */
  record Outcome(List<ProcessInstance> bookings, CustomerView before, CustomerView after, String switched,
      ProcessInstance referral, Interaction results, ObservedStory journeys) {}

  /** The booking process: the member's membership is checked, a slot chosen, the confirmation sent. */
  static ProcessDefinition appointment() {
    return ProcessDefinition.builder(APPOINTMENT, 1).name("Book an appointment").serviceType(APPOINTMENT)
        .step("check", Performer.automated("clinic.check-membership"), "Check that the membership covers a visit")
            .onOutcome("allowed", "choose-slot").otherwiseEnd()
        .step("choose-slot", Performer.queue(SCHEDULING),
            "Choose a slot: the member in the app or on the web, or a call-centre agent on the phone")
            .onOutcome("booked", "confirm").otherwiseEnd()
        .step("confirm", Performer.automated("clinic.message"), "Send the confirmation on a channel the member allows")
            .onOutcome("no-channel", "call-member").otherwiseEnd()
        .step("call-member", Performer.queue(CALL_CENTRE), "Call the member: no channel may carry the message")
        .build();
  }

  /** The referral: the external doctor sees the member and reports, the results go by message. */
  static ProcessDefinition referral() {
    return ProcessDefinition.builder(REFERRAL, 1).name("See a specialist outside the fund").serviceType(REFERRAL)
        .step("visit", Performer.partner(CARDIOLOGIST), "See the referred member and report through the fund's API")
            .then("results")
        .step("results", Performer.automated("clinic.message"), "Send the results on a channel the member allows")
            .onOutcome("no-channel", "call-member").otherwiseEnd()
        .step("call-member", Performer.queue(CALL_CENTRE), "Call the member with the results")
        .build();
  }

  Outcome run() {
    out.println("cemkit demo clinic: appointments across app, web and call centre, a referral to a partner doctor "
        + "(seed 003)");
    out.println();
    VirtualClock clock = VirtualClock.at(LocalDateTime.of(2026, 6, 7, 8, 0).atZone(ZONE).toInstant());
    CrmWorld world = new CrmWorld(clock, InteractionTaxonomy.of(CONFIRMATION_CLASS, RESULTS_CLASS));
    Omnichannel omnichannel = new Omnichannel(world.continuations, world.continuationStore);
    WorkflowEngine engine = world.engine(WorkflowEngine.builder().node("clinic")
        .handler("clinic.check-membership", ctx -> membership(world, ctx))
        .handler("clinic.message", ctx -> message(world, ctx)), omnichannel.listener())
        .deploy(appointment()).deploy(referral());
    Fund fund = new Fund(world, clock, engine);

    members(fund);
    out.println();
    List<ProcessInstance> bookings = new ArrayList<>(bookings(fund));
    out.println();
    Noa noa = noa(fund, omnichannel);
    bookings.add(noa.booking());
    out.println();
    ProcessInstance referral = referral(fund);
    out.println();
    Interaction results = results(fund, referral);
    out.println();
    ObservedStory journeys = journeys();
    out.flush();
    return new Outcome(List.copyOf(bookings), noa.before(), noa.after(), noa.switched(), referral, results,
        journeys);
  }

  /** The fund's engine and stores on its virtual clock. */
  private record Fund(CrmWorld world, VirtualClock clock, WorkflowEngine engine) {
    void moveTo(LocalDateTime when) {
      clock.advance(Duration.between(clock.instant(), when.atZone(ZONE).toInstant()));
    }

    String now() {
      return WHEN.format(clock.instant());
    }

    ProcessInstance instance(ProcessInstance instance) {
      return engine.instance(instance.id()).orElseThrow();
    }
  }

  /** What happened to Noa's booking. */
  private record Noa(ProcessInstance booking, CustomerView before, CustomerView after, String switched) {}

  /** Section 1: the members, their memberships, the two processes. */
  private void members(Fund fund) {
    out.println("1. The fund's members, their memberships and the two processes");
    List<Individual> members = List.of(
        member(NOA, "Noa Avraham", Optional.of("noa.a@example.com"), Optional.of("+972-52-3344556"), true),
        member(DAN, "Dan Sasson", Optional.of("dan.s@example.com"), Optional.of("+972-54-9988776"), false),
        member(RINA, "Rina Katz", Optional.empty(), Optional.of("+972-50-1231234"), false),
        member(YOSSI, "Yossi Gabay", Optional.empty(), Optional.empty(), false));
    for (Individual m : members) {
      fund.world().customers.insert(m);
      fund.world().agreements.insert(membership(m.id()));
      out.printf(Locale.ROOT, "  %s membership %s, contacts %s%s%n", m.id(), AgreementId.of("AG-" + m.id().value()),
          m.contactPoints().stream().map(c -> c.channel() + " " + c.address().masked()).collect(Collectors.joining(
              ", ")), m.id().equals(NOA) ? "; withdrew e-mail for service messages (no medical mail)" : "");
    }
    for (ProcessDefinition d : List.of(appointment(), referral())) {
      out.println("  " + d.key() + " v" + d.version() + ": " + d.steps().stream().map(ClinicDemo::describe)
          .collect(Collectors.joining(" -> ")));
    }
    out.println("  messages go on the first of " + MESSAGE_CHANNELS + " the member has and allows, else the call "
        + "centre calls");
  }

  /** Section 2: Dan on the web, Rina in the app, Yossi on the phone. */
  private List<ProcessInstance> bookings(Fund fund) {
    out.println("2. Booking in three channels");
    List<ProcessInstance> done = new ArrayList<>();
    fund.moveTo(LocalDateTime.of(2026, 6, 7, 8, 10));
    done.add(book(fund, DAN, Channel.WEB, "self-service-web", "2026-06-08T16:30", "dr-ben-david"));
    fund.moveTo(LocalDateTime.of(2026, 6, 7, 12, 45));
    done.add(book(fund, RINA, Channel.APP, "self-service-app", "2026-06-09T08:00", "dr-levi"));
    fund.moveTo(LocalDateTime.of(2026, 6, 7, 14, 5));
    ProcessInstance yossi = book(fund, YOSSI, Channel.PHONE, "cc-4", "2026-06-10T11:40", "dr-levi");
    fund.moveTo(LocalDateTime.of(2026, 6, 7, 14, 30));
    WorkItem call = fund.engine().claimNext(CALL_CENTRE, "cc-4").orElseThrow();
    fund.engine().complete(call.id(), call.token(), StepResult.of("called"));
    out.printf(Locale.ROOT, "  %s cc-4 calls %s back with the confirmation: %s %s%n", fund.now(), YOSSI,
        yossi.id(), fund.instance(yossi).status());
    done.add(fund.instance(yossi));
    return done;
  }

  /** A booking made in one go: started in a channel, the slot chosen there, the confirmation sent. */
  private ProcessInstance book(Fund fund, CustomerId member, Channel channel, String by, String slot, String doctor) {
    ProcessInstance started = fund.engine().start(request(member, channel, "book-" + member.value()));
    WorkItem choose = fund.engine().claim(started.workItem().orElseThrow(), by);
    Completion booked = fund.engine().complete(choose.id(), choose.token(), StepResult.of("booked", Map.of("slot",
        slot, "doctor", doctor)));
    out.printf(Locale.ROOT, "  %s %s books on %s: %s, slot chosen by %s (%s with %s); %s%n", fund.now(), member,
        channel, started.id(), by, slot.replace('T', ' '), doctor, sent(booked.instance()));
    return booked.instance();
  }

  private static StartRequest request(CustomerId member, Channel channel, String key) {
    return StartRequest.of(APPOINTMENT, member, key).forAgreement(AgreementId.of("AG-" + member.value()))
        .with("channel", channel.name());
  }

  /** Section 3: Noa starts in the app, stops, and calls the call centre. */
  private Noa noa(Fund fund, Omnichannel omnichannel) {
    out.println("3. Noa starts booking in the app, stops, and calls the call centre");
    fund.moveTo(LocalDateTime.of(2026, 6, 7, 21, 40));
    Omnichannel.Started started = omnichannel.start(fund.engine(), request(NOA, Channel.APP, "book-" + NOA.value()),
        Channel.APP);
    out.printf(Locale.ROOT, "  %s %s in the app: %s waits at %s; continuation %s, its token kept in the app; she "
        + "closes the app%n", fund.now(), NOA, started.instance().id(), started.instance().step().orElseThrow(),
        started.continuation().id());
    fund.moveTo(LocalDateTime.of(2026, 6, 8, 8, 55));
    out.printf(Locale.ROOT, "  %s she calls; the agent opens her view:%n", fund.now());
    CustomerView before = view(fund);
    fund.moveTo(LocalDateTime.of(2026, 6, 8, 8, 57));
    Omnichannel.Resumed resumed = omnichannel.resume(fund.engine(), started.continuation().token(), NOA,
        Channel.PHONE, Actor.agent("cc-7"));
    String switched = resumed.continuation().switches().stream().map(s -> s.from() + " -> " + s.to())
        .collect(Collectors.joining(", "));
    out.printf(Locale.ROOT, "  %s cc-7 resumes with the token she reads out: %s at %s; switch %s recorded as "
        + "interaction %s%n", fund.now(), resumed.instance().id(), resumed.workItem().orElseThrow().step(), switched,
        resumed.continuation().switches().get(0).interaction());
    fund.moveTo(LocalDateTime.of(2026, 6, 8, 9, 1));
    WorkItem choose = fund.engine().claim(resumed.workItem().orElseThrow().id(), "cc-7");
    ProcessInstance booked = fund.engine().complete(choose.id(), choose.token(), StepResult.of("booked",
        Map.of("slot", "2026-06-09T10:20", "doctor", "dr-levi"))).instance();
    out.printf(Locale.ROOT, "  %s cc-7 books 2026-06-09 10:20 with dr-levi, her family doctor: %s %s; %s%n",
        fund.now(), booked.id(), booked.status(), sent(booked));
    out.printf(Locale.ROOT, "  %s after the call, the agent's view:%n", fund.now());
    CustomerView after = view(fund);
    return new Noa(booked, before, after, switched);
  }

  /** The agent's view of Noa: where she stopped, what is open, her last contacts. */
  private CustomerView view(Fund fund) {
    CustomerView view = fund.world().context().open(NOA, Channel.PHONE, fund.clock().instant());
    for (ContinuationSummary c : view.continuations()) {
      out.printf(Locale.ROOT, "    stopped at: %s %s at step %s, started on %s, last on %s%n", c.id(), c.action(),
          c.step(), c.startedOn(), c.lastChannel());
    }
    for (ProcessSummary p : view.openProcesses()) {
      out.printf(Locale.ROOT, "    open: %s %s at %s, waiting for %s since %s%n", p.id(), p.processType(),
          p.currentStep(), p.waitingFor().orElse("-"), WHEN.format(p.waitingSince()));
    }
    if (view.continuations().isEmpty() && view.openProcesses().isEmpty()) {
      out.println("    nothing stopped, nothing open");
    }
    for (InteractionSummary i : view.recentInteractions()) {
      out.printf(Locale.ROOT, "    contact %s %-5s %-8s %s%n", WHEN.format(i.startedAt()), i.channel(), i.direction(),
          i.classification());
    }
    return view;
  }

  /** Section 4: the referral to the external cardiologist, who leases it. */
  private ProcessInstance referral(Fund fund) {
    out.println("4. Her family doctor refers her to an independent cardiologist, a partner of the fund");
    fund.moveTo(LocalDateTime.of(2026, 6, 9, 10, 40));
    ProcessInstance referral = fund.engine().start(StartRequest.of(REFERRAL, NOA, "referral-" + NOA.value())
        .forAgreement(AgreementId.of("AG-" + NOA.value())).with("channel", Channel.BRANCH.name())
        .with("referredBy", "dr-levi"));
    out.printf(Locale.ROOT, "  %s dr-levi refers her: %s waits at %s for partner %s%n", fund.now(), referral.id(),
        referral.step().orElseThrow(), CARDIOLOGIST);
    fund.moveTo(LocalDateTime.of(2026, 6, 9, 11, 15));
    WorkItem lease = fund.engine().leaseNext(CARDIOLOGIST, CARDIOLOGIST, Duration.ofDays(14)).orElseThrow();
    out.printf(Locale.ROOT, "  %s the doctor's practice system leases it until %s and gives Noa a slot on "
        + "Thu 2026-06-18 12:00%n", fund.now(), WHEN.format(lease.leasedUntil().orElseThrow()));
    fund.moveTo(LocalDateTime.of(2026, 6, 10, 9, 30));
    try {
      fund.engine().claim(lease.id(), "cc-4");
    } catch (CemkitException e) {
      out.printf(Locale.ROOT, "  %s a call-centre agent tries to take it over: refused, %s%n", fund.now(),
          e.getMessage());
    }
    fund.moveTo(LocalDateTime.of(2026, 6, 18, 12, 40));
    Completion reported = fund.engine().complete(lease.id(), lease.token(), StepResult.of("reported"));
    out.printf(Locale.ROOT, "  %s the cardiologist sees her and reports with the lease's token: %s %s%n",
        fund.now(), referral.id(), reported.instance().status());
    for (AuditRecord r : fund.world().audit.records(referral.id())) {
      out.printf(Locale.ROOT, "    %d %-9s %-8s -> %-8s %-9s by %-14s %s%n", r.sequence(), r.kind(),
          r.from().orElse("(start)"), r.to().orElse("(end)"), r.outcome().orElse(""), r.actor(), WHEN.format(r.at()));
    }
    return reported.instance();
  }

  /** Section 5: the results message, and Noa's contacts. */
  private Interaction results(Fund fund, ProcessInstance referral) {
    out.println("5. The results go to Noa by message");
    Interaction results = fund.world().log.recent(NOA, fund.clock().instant(), 20).stream()
        .filter(i -> i.classification().code().equals(RESULTS_CLASS)).findFirst().orElseThrow();
    out.printf(Locale.ROOT, "  %s %s %s %s, purpose %s, linked to %s and %s%s%n", WHEN.format(results.startedAt()),
        results.id(), results.channel(), results.classification(), results.purpose().orElseThrow(),
        results.processInstance().orElseThrow(), results.agreement().orElseThrow(),
        refusals(referral.variables()));
    out.println("  Noa's contacts, newest first:");
    for (Interaction i : fund.world().log.recent(NOA, fund.clock().instant(), 20)) {
      out.printf(Locale.ROOT, "    %s %-5s %-8s %-28s %s%n", WHEN.format(i.startedAt()), i.channel(), i.direction(),
          i.classification(), i.performer());
    }
    return results;
  }

  /** Section 6: many members' bookings, observed against the fund's map; section 7: the pictures. */
  private ObservedStory journeys() {
    out.printf(Locale.ROOT, "6. What %s members did over three weeks (simulated), against the fund's map%n",
        Figures.count(ClinicJourneys.MEMBERS));
    ObservedStory story = new ObservedStory(out, ObservedStory.readMap(ClinicJourneys.MAP), ClinicJourneys.events(),
        ClinicJourneys.FUNNEL);
    out.println("  the funnel: " + String.join(" > ", ClinicJourneys.FUNNEL.stages()));
    story.funnel("members");
    story.dropOffs();
    story.switches();
    story.observed().transitions().stream().filter(t -> t.to().equals("call-centre") && !t.from().equals(t.to()))
        .forEach(t -> out.printf(Locale.ROOT, "  bookings carried from %s to the call centre: %s, a median %s "
            + "later%n", t.from(), Figures.count(t.count()), Figures.duration(t.medianGapSeconds())));
    story.feedback();
    story.comparison(3);
    out.println();
    out.println("7. Pictures");
    files.write(out, "appointment.json", ProcessDefinitionJson.write(appointment()), "the booking process as JSON "
        + "(the schema ProcessDefinitionJson reads)");
    files.write(out, "referral.json", ProcessDefinitionJson.write(referral()), "the referral process as JSON");
    ObservedStory.mapPictures(out, files, "clinic", story.map());
    story.observedPictures(files, "clinic", "examples/src/main/resources/" + ClinicJourneys.MAP);
    return story;
  }

  // ------------------------------------------------------------------------------------------
  // The handlers

  /** clinic.check-membership: the membership must cover the visit now. */
  private static StepResult membership(CrmWorld world, StepContext ctx) {
    Optional<Agreement> membership = ctx.agreement().flatMap(world.agreements::find).map(Versioned::value);
    if (membership.isEmpty()) {
      return StepResult.of("denied", Map.of("refusal", "no membership"));
    }
    EntitlementCheck check = Entitlements.check(membership.get(), APPOINTMENT, ctx.now());
    return check.allowed() ? StepResult.of("allowed") : StepResult.of("denied", Map.of("refusal", check.message()));
  }

  /**
   * clinic.message: records the confirmation or the results as an outbound service message on the first channel
   * the member has and allows; the interaction's id derives from the instance and the step, so a retried step
   * sends nothing twice.
   */
  private static StepResult message(CrmWorld world, StepContext ctx) {
    Customer member = world.customers.find(ctx.customer()).orElseThrow().value();
    InteractionClass kind = InteractionClass.of(ctx.step().id().equals("results") ? RESULTS_CLASS
        : CONFIRMATION_CLASS);
    List<String> refused = new ArrayList<>();
    for (Channel channel : MESSAGE_CHANNELS) {
      if (member.contactPoints(channel).isEmpty()) {
        continue;
      }
      try {
        world.interactions.record(Interaction.builder().id(InteractionId.of(ctx.instance().value() + ":"
            + ctx.step().id())).customer(member.id()).channel(channel).direction(Direction.OUTBOUND)
            .classification(kind).purpose(ConsentPurpose.SERVICE).startedAt(ctx.now()).endedAt(ctx.now())
            .performer(Actor.system("clinic")).agreement(ctx.agreement()).processInstance(ctx.instance())
            .outcome("sent").build());
      } catch (ConsentRequiredException e) {
        refused.add(channel.name());
        continue;
      } catch (DuplicateEntityException e) {
        return StepResult.of("sent");
      }
      return StepResult.of("sent", refused.isEmpty() ? Map.of("sentOn", channel.name()) : Map.of("sentOn",
          channel.name(), "refused", String.join(",", refused)));
    }
    return StepResult.of("no-channel", Map.of("refused", String.join(",", refused)));
  }

  // ------------------------------------------------------------------------------------------

  private static String sent(ProcessInstance instance) {
    Object on = instance.variables().get("sentOn");
    return on == null ? "no channel may carry the confirmation: waiting at " + instance.step().orElse("-")
        + " for the call centre" : "confirmation by " + on + refusals(instance.variables());
  }

  private static String refusals(Map<String, Object> variables) {
    Object refused = variables.get("refused");
    return refused == null ? "" : " (" + refused + " refused: withdrawn for service messages)";
  }

  private static String describe(Step step) {
    return step.id() + " (" + step.performer() + ")";
  }

  /** A member: contact points as given; Noa has withdrawn e-mail for service messages. */
  private static Individual member(CustomerId id, String name, Optional<String> email, Optional<String> mobile,
      boolean noServiceEmail) {
    var builder = Individual.builder().id(id).name(PersonalData.name(name));
    email.ifPresent(e -> builder.addContactPoints(ContactPoint.of(Channel.EMAIL, PersonalData.email(e))));
    mobile.ifPresent(m -> builder.addContactPoints(ContactPoint.of(Channel.SMS, PersonalData.phone(m))));
    builder.addContactPoints(ContactPoint.of(Channel.PHONE, PersonalData.phone("+972-3-555" + id.value()
        .substring(2))));
    Individual member = builder.build();
    return noServiceEmail ? member.withConsent(CrmWorld.withdrawn(ConsentPurpose.SERVICE, Channel.EMAIL,
        LocalDate.of(2026, 2, 1).atTime(10, 0).atZone(ZONE).toInstant())) : member;
  }

  /** A year's membership: visits to the fund's doctors, referrals to its partners, a monthly premium. */
  private static Agreement membership(CustomerId member) {
    ChangeContext ctx = ChangeContext.of(Clock.fixed(LocalDate.of(2026, 1, 1).atStartOfDay(ZONE).toInstant(),
        ZoneOffset.UTC), Actor.system("membership"), Channel.WEB, "annual membership");
    AgreementTerms terms = AgreementTerms.builder().term(DateRange.of(LocalDate.of(2026, 1, 1),
            LocalDate.of(2026, 12, 31))).renewal(RenewalPolicy.automatic(Period.ofYears(1)))
        .currency(Currency.getInstance("ILS"))
        .addItems(AgreementItem.of(PLAN, Product.of("PLAN-GOLD", "Supplementary plan, gold", ProductKind.SERVICE)))
        .addEntitlements(Entitlement.builder().id(EntitlementId.of("visits")).serviceType(APPOINTMENT).build())
        .addEntitlements(Entitlement.builder().id(EntitlementId.of("referrals")).serviceType(REFERRAL).build())
        .addCharges(Charge.builder().id(ChargeId.of("premium")).description("Monthly premium")
            .basis(ChargeBasis.SERVICE).item(PLAN).amount(Money.of("89.00", "ILS"))
            .periodicity(Periodicity.recurring(BillingFrequency.MONTHLY)).build())
        .build();
    return Agreement.draft(AgreementId.of("AG-" + member.value()), member, ProviderId.of("health-fund"), ZONE, terms,
        ctx).sign(Evidence.of(ctx.at(), Channel.WEB, EvidenceMethod.CLICKWRAP, "JOIN-" + member.value()), ctx)
        .activate(ctx);
  }
}
