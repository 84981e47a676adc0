package io.cemkit.examples;

import io.cemkit.core.Actor;
import io.cemkit.core.Agreement;
import io.cemkit.core.AgreementId;
import io.cemkit.core.AgreementItem;
import io.cemkit.core.AgreementItemId;
import io.cemkit.core.AgreementTerms;
import io.cemkit.core.AssetId;
import io.cemkit.core.BillingFrequency;
import io.cemkit.core.ChangeContext;
import io.cemkit.core.Channel;
import io.cemkit.core.Charge;
import io.cemkit.core.ChargeBasis;
import io.cemkit.core.ChargeId;
import io.cemkit.core.ConsentPurpose;
import io.cemkit.core.ContactPoint;
import io.cemkit.core.CustomerId;
import io.cemkit.core.DateRange;
import io.cemkit.core.Entitlement;
import io.cemkit.core.EntitlementId;
import io.cemkit.core.Evidence;
import io.cemkit.core.EvidenceMethod;
import io.cemkit.core.ImmutableAgreementTerms;
import io.cemkit.core.Individual;
import io.cemkit.core.InteractionTaxonomy;
import io.cemkit.core.InvoiceId;
import io.cemkit.core.Money;
import io.cemkit.core.Periodicity;
import io.cemkit.core.PersonalData;
import io.cemkit.core.Product;
import io.cemkit.core.ProductKind;
import io.cemkit.core.ProviderId;
import io.cemkit.core.RenewalPolicy;
import io.cemkit.core.SlaTarget;
import io.cemkit.core.VirtualClock;
import io.cemkit.workflow.BusinessCalendar;
import io.cemkit.workflow.CrmProcesses;
import io.cemkit.workflow.InMemoryBilling;
import io.cemkit.workflow.ProcessDefinition;
import io.cemkit.workflow.WorkflowEngine;
import io.cemkit.workflow.spi.WorkflowListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The telecom of seed 003 as the ready CRM processes see it: its subscribers' fibre agreements (a line and a
 * router installed at the customer's, each service process with the SLA of an entitlement), its billing, and
 * {@link CrmProcesses} deployed on an engine on a virtual clock with the Israeli office calendar. The E2 demo
 * runs Maya's year on one and a busy day on another.
 */
final class Telco {
  static final ZoneId ZONE = ZoneId.of("Asia/Jerusalem");
  static final String OFFICE = "office";
  static final LocalTime OPENS = LocalTime.of(9, 0);
  static final LocalTime CLOSES = LocalTime.of(17, 0);
  static final AgreementItemId LINE = AgreementItemId.of("line");
  static final AgreementItemId ROUTER = AgreementItemId.of("router");
  static final InteractionTaxonomy TAXONOMY = InteractionTaxonomy.of(CrmProcesses.REMINDER_CLASS,
      CrmProcesses.NOTICE_CLASS, CrmProcesses.ANSWER_CLASS);
  /** The SLA of each process, in office hours, as the agreement's entitlements carry it. */
  static final Map<String, SlaTarget> SLAS = slas();
  /** A suspended agreement's entitlements are paused, so resumption has the process's own SLA. */
  static final SlaTarget RESUMPTION_SLA = SlaTarget.of(Duration.ofHours(2), Duration.ofHours(4), OFFICE);

  final VirtualClock clock;
  final CrmWorld world;
  final InMemoryBilling billing = new InMemoryBilling();
  final CrmProcesses crm;
  final WorkflowEngine engine;

  /**
   * A telecom whose engine names its instances {@code P-<node>-<n>}.
   *
   * @param start the virtual clock's first instant
   * @param node the engine's node name
   * @param listeners told about every transition
   */
  Telco(Instant start, String node, WorkflowListener... listeners) {
    clock = VirtualClock.at(start);
    world = new CrmWorld(clock, TAXONOMY);
    crm = CrmProcesses.builder().agreements(world.agreements).customers(world.customers)
        .interactions(world.interactions).billing(billing).catalog((offer, customer, date) -> terms(date))
        .provider(ProviderId.of("telco")).zone(ZONE).sla(CrmProcesses.RESUMPTION, RESUMPTION_SLA).build();
    engine = crm.deployAll(world.engine(crm.registerHandlers(WorkflowEngine.builder()).node(node)
        .calendar(OFFICE, officeHours()), listeners));
  }

  /** Sunday to Thursday, 09:00 to 17:00 in Jerusalem. */
  static BusinessCalendar officeHours() {
    return BusinessCalendar.workingHours(ZONE).sundayToThursday(OPENS, CLOSES).build();
  }

  static Instant at(LocalDateTime local) {
    return local.atZone(ZONE).toInstant();
  }

  /** Issues an invoice in billing, billed to the agreement's customer. */
  void issue(AgreementId agreement, CustomerId customer, InvoiceId invoice) {
    billing.issue(agreement, invoice);
    world.invoice(invoice, customer);
  }

  /** A subscriber with e-mail and SMS; with {@code noBillingEmail}, e-mail is withdrawn for billing messages. */
  static Individual subscriber(CustomerId id, String name, String email, String phone, boolean noBillingEmail) {
    Individual customer = Individual.builder().id(id).name(PersonalData.name(name))
        .addContactPoints(ContactPoint.builder().channel(Channel.EMAIL).address(PersonalData.email(email))
            .preferred(true).build())
        .addContactPoints(ContactPoint.of(Channel.SMS, PersonalData.phone(phone))).build();
    return noBillingEmail ? customer.withConsent(CrmWorld.withdrawn(ConsentPurpose.BILLING_COLLECTION,
        Channel.EMAIL, at(LocalDateTime.of(2025, 12, 20, 10, 0)))) : customer;
  }

  /**
   * A fibre agreement signed at the shop eleven days before it starts, the router ordered with it, and
   * activated on its first day at 09:00.
   */
  static Agreement fibre(AgreementId id, CustomerId customer, AssetId router, LocalDate start) {
    ChangeContext sale = change(start.minusDays(12).atTime(11, 0), Actor.agent("shop-4"), Channel.BRANCH, "sale");
    return Agreement.draft(id, customer, ProviderId.of("telco"), ZONE, terms(start), sale)
        .sign(Evidence.of(sale.at(), Channel.BRANCH, EvidenceMethod.SIGNATURE, "DOC-" + id.value()), sale)
        .orderAsset(router, ROUTER, sale)
        .activate(change(start.atTime(9, 0), Actor.system("network"), Channel.WEB, "line provisioned"));
  }

  /** The agreement with its router delivered and installed on the given day. */
  static Agreement installed(Agreement agreement, AssetId router, LocalDate day) {
    ChangeContext visit = change(day.atTime(11, 0), Actor.partner("field-service"), Channel.FIELD,
        "router installed");
    return agreement.deliverAsset(router, "RX-" + router.value(), visit).installAsset(router, visit);
  }

  static ChangeContext change(LocalDateTime when, Actor actor, Channel channel, String reason) {
    return ChangeContext.of(Clock.fixed(at(when), ZoneOffset.UTC), actor, channel, reason);
  }

  /**
   * A year of fibre from {@code start}, renewed when the customer asks within 30 days of its end: the line, the
   * router, a monthly fee and an SLA per service process.
   */
  static AgreementTerms terms(LocalDate start) {
    ImmutableAgreementTerms.Builder terms = AgreementTerms.builder()
        .term(DateRange.of(start, start.plusYears(1).minusDays(1)))
        .renewal(RenewalPolicy.manual(Period.ofYears(1))).currency(Currency.getInstance("ILS"))
        .addItems(AgreementItem.of(LINE, Product.of("FIBRE-1G", "Fibre 1 Gb/s", ProductKind.SERVICE)))
        .addItems(AgreementItem.of(ROUTER, Product.installed("ROUTER-X", "Fibre router")))
        .addCharges(Charge.builder().id(ChargeId.of("monthly-fee")).description("Fibre 1 Gb/s and router")
            .basis(ChargeBasis.SERVICE).item(LINE).amount(Money.of("119.90", "ILS"))
            .periodicity(Periodicity.recurring(BillingFrequency.MONTHLY)).build());
    SLAS.forEach((process, sla) -> terms.addEntitlements(Entitlement.builder().id(EntitlementId.of(process))
        .serviceType(process).sla(sla).build()));
    return terms.build();
  }

  private static Map<String, SlaTarget> slas() {
    Map<String, SlaTarget> slas = new LinkedHashMap<>();
    slas.put(CrmProcesses.SUSPENSION, office(4, 8));
    slas.put(CrmProcesses.RENEWAL, office(8, 24));
    slas.put(CrmProcesses.TERMINATION, office(8, 24));
    slas.put(CrmProcesses.INSTALLATION, office(16, 24));
    slas.put(CrmProcesses.REPLACEMENT, office(16, 24));
    slas.put(CrmProcesses.COMPLAINT, office(4, 16));
    return Collections.unmodifiableMap(slas);
  }

  private static SlaTarget office(int responseHours, int resolutionHours) {
    return SlaTarget.of(Duration.ofHours(responseHours), Duration.ofHours(resolutionHours), OFFICE);
  }

  /** The processes the story prints, in the order of {@link CrmProcesses#definitions()}. */
  List<String> keys() {
    return crm.definitions().stream().map(ProcessDefinition::key).toList();
  }
}
