package io.cemkit.workflow;

import static io.cemkit.workflow.CrmFixture.DANA;
import static io.cemkit.workflow.CrmFixture.FIBRE;
import static io.cemkit.workflow.CrmFixture.INVOICE;
import static io.cemkit.workflow.CrmFixture.ROUTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cemkit.core.AgreementEvent;
import io.cemkit.core.AgreementId;
import io.cemkit.core.AgreementStatus;
import io.cemkit.core.AssetStatus;
import io.cemkit.core.Channel;
import io.cemkit.core.ConsentPurpose;
import io.cemkit.core.Direction;
import io.cemkit.core.EvidenceMethod;
import io.cemkit.core.Interaction;
import io.cemkit.core.InteractionTaxonomy;
import io.cemkit.core.Interactions;
import io.cemkit.core.SettlementState;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ready CRM processes change the agreement only on completion, and refuse what its state machine refuses. */
class CrmProcessesTest {
  private static final LocalDateTime SUNDAY_10 = LocalDateTime.of(2026, 11, 22, 10, 0);

  private final CrmFixture w = new CrmFixture(SUNDAY_10);

  private ProcessInstance start(String process, String key) {
    return w.engine.start(CrmProcesses.request(process, DANA, FIBRE, Channel.PHONE, key));
  }

  private AgreementEvent lastEvent() {
    List<AgreementEvent> events = w.agreement().events();
    return events.get(events.size() - 1);
  }

  @Test
  void ships_eleven_definitions_that_deploy_with_their_handlers() {
    assertThat(w.crm.definitions()).extracting(ProcessDefinition::key).containsExactly("lead-to-order", "activation",
        "suspension", "resumption", "termination", "renewal", "installation", "removal", "replacement", "complaint",
        "collection");
    assertThat(w.crm.definitions()).allSatisfy(d -> assertThat(d.serviceType()).isEqualTo(d.key()));
    assertThat(w.crm.definition(CrmProcesses.COLLECTION).sla()).contains(CrmFixture.COLLECTION_SLA);
    assertThatThrownBy(() -> w.crm.definition("nope")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("No CRM process 'nope'").hasMessageContaining("collection");
  }

  @Test
  void suspension_changes_the_agreement_only_when_the_process_completes() {
    ProcessInstance started = start(CrmProcesses.SUSPENSION, "s-1");

    assertThat(started.step()).contains("cut");
    assertThat(w.agreement().status()).isEqualTo(AgreementStatus.ACTIVE);
    w.clock.advance(Duration.ofHours(2));
    Completion done = w.work(started, "agent-1", "done", Map.of(CrmProcesses.REASON, "travel abroad"));

    assertThat(done.instance().status()).isEqualTo(InstanceStatus.COMPLETED);
    assertThat(w.agreement().status()).isEqualTo(AgreementStatus.SUSPENDED);
    AgreementEvent event = lastEvent();
    assertThat(event.channel()).isEqualTo(Channel.PHONE);
    assertThat(event.actor().id()).isEqualTo(CrmProcesses.ACTOR);
    assertThat(event.reason()).isEqualTo("travel abroad (process " + started.id() + ")");
    assertThat(event.at()).isEqualTo(w.clock.instant());
    assertThat(w.trail(started)).extracting(r -> r.outcome().orElse("-"))
        .containsExactly("-", CrmProcesses.ALLOWED, "done", CrmProcesses.DONE);
  }

  @Test
  void a_suspended_agreement_still_gives_its_resumption_the_sla_its_terms_promise() {
    w.work(start(CrmProcesses.SUSPENSION, "s-1"), "ops-1", "done", Map.of());
    assertThat(w.agreement().status()).isEqualTo(AgreementStatus.SUSPENDED);

    ProcessInstance resume = start(CrmProcesses.RESUMPTION, "r-1");

    SlaClock sla = w.store.find(resume.id()).orElseThrow().value().sla().orElseThrow();
    assertThat(sla.calendar()).contains(CrmFixture.OFFICE);
    // Sunday 10:00 plus 2 and 4 office hours.
    assertThat(sla.responseDue()).isEqualTo(CrmFixture.at(LocalDateTime.of(2026, 11, 22, 12, 0)));
    assertThat(sla.resolutionDue()).isEqualTo(CrmFixture.at(LocalDateTime.of(2026, 11, 22, 14, 0)));
    w.work(resume, "ops-1", "done", Map.of());
    assertThat(w.agreement().status()).isEqualTo(AgreementStatus.ACTIVE);
  }

  @Test
  void resuming_an_active_agreement_is_refused_at_once_with_the_state_machines_reason() {
    ProcessInstance started = start(CrmProcesses.RESUMPTION, "r-1");

    assertThat(started.status()).isEqualTo(InstanceStatus.COMPLETED);
    assertThat(started.variables().get(CrmProcesses.REFUSAL)).asString().contains("ACTIVE");
    assertThat(w.trail(started).get(w.trail(started).size() - 1).outcome()).contains(CrmProcesses.REFUSED);
    assertThat(w.agreement().status()).isEqualTo(AgreementStatus.ACTIVE);
  }

  @Test
  void a_change_that_became_illegal_while_people_worked_is_refused_at_apply_and_nothing_is_half_done() {
    ProcessInstance first = start(CrmProcesses.SUSPENSION, "s-1");
    ProcessInstance second = start(CrmProcesses.SUSPENSION, "s-2");
    w.work(first, "agent-1", "done", Map.of());

    Completion late = w.work(second, "agent-2", "done", Map.of());

    assertThat(late.instance().step()).contains("undo");
    assertThat(late.instance().variables().get(CrmProcesses.REFUSAL)).asString().contains("SUSPENDED");
    assertThat(w.agreement().events()).filteredOn(e -> e.status() == AgreementStatus.SUSPENDED).hasSize(1);
  }

  @Test
  void suspension_for_non_payment_is_refused_when_billing_says_the_invoice_is_paid() {
    w.billing.pay(FIBRE, INVOICE);
    ProcessInstance started = w.engine.start(CrmProcesses.request(CrmProcesses.SUSPENSION, DANA, FIBRE, Channel.WEB,
        "np-1").with(CrmProcesses.REASON, CrmProcesses.NON_PAYMENT).with(CrmProcesses.INVOICE, INVOICE.value()));

    assertThat(started.status()).isEqualTo(InstanceStatus.COMPLETED);
    assertThat(started.variables().get(CrmProcesses.REFUSAL)).asString()
        .contains("invoice INV-2026-11 is SETTLED").contains("never suspended");
    assertThat(w.agreement().status()).isEqualTo(AgreementStatus.ACTIVE);
  }

  @Test
  void suspension_for_non_payment_is_refused_at_apply_when_the_customer_paid_while_it_waited() {
    ProcessInstance started = w.engine.start(CrmProcesses.request(CrmProcesses.SUSPENSION, DANA, FIBRE, Channel.WEB,
        "np-2").with(CrmProcesses.REASON, CrmProcesses.NON_PAYMENT).with(CrmProcesses.INVOICE, INVOICE.value()));
    assertThat(started.step()).contains("cut");
    w.billing.pay(FIBRE, INVOICE);

    Completion done = w.work(started, "agent-1", "done", Map.of());

    assertThat(done.instance().variables().get(CrmProcesses.REFUSAL)).asString().contains("SETTLED");
    assertThat(w.agreement().status()).isEqualTo(AgreementStatus.ACTIVE);
    // The network was cut for nothing: the same queue gets the work of undoing it, handed to the same agent.
    assertThat(done.instance().step()).contains("undo");
    WorkItem undo = done.next().orElseThrow();
    assertThat(undo.performer()).isEqualTo(Performer.queue(CrmProcesses.PROVISIONING));
    assertThat(undo.claimedBy()).contains("agent-1");
    assertThat(w.engine.complete(undo.id(), undo.token(), StepResult.of("restored")).instance().status())
        .isEqualTo(InstanceStatus.COMPLETED);
    assertThat(w.agreement().status()).isEqualTo(AgreementStatus.ACTIVE);
  }

  @Test
  void suspension_for_non_payment_without_an_invoice_is_refused_naming_the_variable() {
    ProcessInstance started = w.engine.start(CrmProcesses.request(CrmProcesses.SUSPENSION, DANA, FIBRE, Channel.WEB,
        "np-3").with(CrmProcesses.REASON, CrmProcesses.NON_PAYMENT));

    assertThat(started.variables().get(CrmProcesses.REFUSAL)).asString().contains("needs the variable 'invoice'");
  }

  @Test
  void termination_kept_by_retention_leaves_the_agreement_alone_and_otherwise_gives_notice_for_the_date() {
    ProcessInstance kept = start(CrmProcesses.TERMINATION, "t-1");
    w.work(kept, "retention-1", "retained", Map.of());
    assertThat(w.agreement().status()).isEqualTo(AgreementStatus.ACTIVE);

    ProcessInstance leaving = w.engine.start(CrmProcesses.request(CrmProcesses.TERMINATION, DANA, FIBRE, Channel.WEB,
        "t-2").with(CrmProcesses.TERMINATION_DATE, java.time.LocalDate.of(2026, 12, 31)));
    w.work(leaving, "retention-1", "confirmed", Map.of());
    assertThat(w.agreement().status()).isEqualTo(AgreementStatus.ACTIVE);
    w.work(leaving, "ops-1", "done", Map.of());

    assertThat(w.agreement().status()).isEqualTo(AgreementStatus.PENDING_TERMINATION);
    assertThat(w.agreement().serviceEnd()).contains(java.time.LocalDate.of(2026, 12, 31));
  }

  @Test
  void termination_without_a_date_ends_the_agreement_now_and_resumption_of_it_is_then_refused() {
    ProcessInstance leaving = start(CrmProcesses.TERMINATION, "t-3");
    w.work(leaving, "retention-1", "confirmed", Map.of());
    w.work(leaving, "ops-1", "done", Map.of());
    assertThat(w.agreement().status()).isEqualTo(AgreementStatus.TERMINATED);

    ProcessInstance resume = start(CrmProcesses.RESUMPTION, "r-2");

    assertThat(resume.variables().get(CrmProcesses.REFUSAL)).asString().contains("TERMINATED");
  }

  @Test
  void renewal_is_refused_before_the_renewal_window_then_declined_changes_nothing_and_confirmed_adds_a_term() {
    ProcessInstance early = start(CrmProcesses.RENEWAL, "n-0");
    assertThat(early.variables().get(CrmProcesses.REFUSAL)).asString().contains("can be renewed from 2026-12-01");
    w.clock.advance(Duration.ofDays(10));
    ProcessInstance declined = start(CrmProcesses.RENEWAL, "n-1");
    w.work(declined, "sales-1", "declined", Map.of());
    int versions = w.agreement().versions().size();

    ProcessInstance renewed = start(CrmProcesses.RENEWAL, "n-2");
    w.work(renewed, "sales-1", "confirmed", Map.of());

    assertThat(w.agreement().versions()).hasSize(versions + 1);
    assertThat(w.agreement().terms().term().end()).contains(java.time.LocalDate.of(2027, 12, 31));
  }

  @Test
  void installation_by_the_field_partner_delivers_and_installs_the_router() {
    ProcessInstance started = w.engine.start(CrmProcesses.request(CrmProcesses.INSTALLATION, DANA, FIBRE,
        Channel.APP, "i-1").with(CrmProcesses.ASSET, ROUTER.value()));
    WorkItem visit = w.engine.leaseNext(CrmProcesses.FIELD_SERVICE, "installer-co", Duration.ofDays(2)).orElseThrow();
    assertThat(visit.instance()).isEqualTo(started.id());
    assertThat(w.agreement().asset(ROUTER).orElseThrow().status()).isEqualTo(AssetStatus.ORDERED);

    w.engine.complete(visit.id(), visit.token(), StepResult.of("done", Map.of(CrmProcesses.SERIAL, "SN-778")));

    assertThat(w.agreement().asset(ROUTER).orElseThrow().status()).isEqualTo(AssetStatus.IN_SERVICE);
    assertThat(w.agreement().asset(ROUTER).orElseThrow().serialNumber()).contains("SN-778");
  }

  @Test
  void installing_an_asset_the_agreement_does_not_have_is_refused_naming_it() {
    ProcessInstance started = w.engine.start(CrmProcesses.request(CrmProcesses.INSTALLATION, DANA, FIBRE,
        Channel.APP, "i-2").with(CrmProcesses.ASSET, "router-9"));

    assertThat(started.variables().get(CrmProcesses.REFUSAL)).asString().contains("no asset router-9");
  }

  @Test
  void replacement_of_an_installed_router_installs_the_new_one_and_takes_the_old_one_back() {
    installRouter();
    ProcessInstance started = w.engine.start(CrmProcesses.request(CrmProcesses.REPLACEMENT, DANA, FIBRE,
        Channel.PHONE, "x-1").with(CrmProcesses.ASSET, ROUTER.value())
        .with(CrmProcesses.REPLACEMENT_ASSET, "router-2"));
    WorkItem visit = w.engine.leaseNext(CrmProcesses.FIELD_SERVICE, "installer-co", Duration.ofDays(2)).orElseThrow();

    w.engine.complete(visit.id(), visit.token(), StepResult.of("done", Map.of(CrmProcesses.COLLECTED, true)));

    assertThat(w.engine.instance(started.id()).orElseThrow().variables()).doesNotContainKey(CrmProcesses.REFUSAL);
    assertThat(w.agreement().asset(ROUTER).orElseThrow().status()).isEqualTo(AssetStatus.RETURNED);
    assertThat(w.agreement().asset(ROUTER).orElseThrow().fault()).isEqualTo(io.cemkit.core.FaultParty.PROVIDER);
    assertThat(w.agreement().asset(io.cemkit.core.AssetId.of("router-2")).orElseThrow().status())
        .isEqualTo(AssetStatus.IN_SERVICE);
  }

  @Test
  void removal_leaves_the_router_to_be_returned_within_the_return_period() {
    installRouter();
    w.engine.start(CrmProcesses.request(CrmProcesses.REMOVAL, DANA, FIBRE, Channel.PHONE, "m-1")
        .with(CrmProcesses.ASSET, ROUTER.value()));
    WorkItem visit = w.engine.leaseNext(CrmProcesses.FIELD_SERVICE, "installer-co", Duration.ofDays(2)).orElseThrow();

    w.engine.complete(visit.id(), visit.token(), StepResult.of("done"));

    assertThat(w.agreement().asset(ROUTER).orElseThrow().status()).isEqualTo(AssetStatus.RETURN_PENDING);
    assertThat(w.agreement().asset(ROUTER).orElseThrow().returnBy()).contains(java.time.LocalDate.of(2026, 12, 6));
  }

  private void installRouter() {
    w.engine.start(CrmProcesses.request(CrmProcesses.INSTALLATION, DANA, FIBRE, Channel.APP, "i-0")
        .with(CrmProcesses.ASSET, ROUTER.value()));
    WorkItem visit = w.engine.leaseNext(CrmProcesses.FIELD_SERVICE, "installer-co", Duration.ofDays(2)).orElseThrow();
    w.engine.complete(visit.id(), visit.token(), StepResult.of("done"));
  }

  @Test
  void lead_to_order_creates_a_signed_agreement_from_the_catalog_and_sends_an_unknown_offer_back() {
    ProcessInstance lead = w.engine.start(new StartRequest(CrmProcesses.LEAD_TO_ORDER, java.util.Optional.empty(),
        DANA, java.util.Optional.empty(), Map.of(CrmProcesses.CHANNEL, "PHONE"), "lead-1"));
    w.work(lead, "sales-1", "qualified", Map.of());
    Completion wrong = w.work(lead, "sales-1", "accepted", Map.of(CrmProcesses.OFFER, "fibre-10g"));
    assertThat(wrong.instance().step()).contains("offer");
    assertThat(wrong.instance().variables().get(CrmProcesses.REFUSAL)).asString()
        .contains("offer 'fibre-10g' is not in the catalog");

    Completion sold = w.work(lead, "sales-1", "accepted", Map.of(CrmProcesses.OFFER, "fibre-1g"));

    assertThat(sold.instance().status()).isEqualTo(InstanceStatus.COMPLETED);
    AgreementId id = AgreementId.of("A-" + lead.id().value());
    assertThat(sold.instance().variables()).containsEntry(CrmProcesses.AGREEMENT, id.value());
    var agreement = w.agreement(id);
    assertThat(agreement.customer()).isEqualTo(DANA);
    assertThat(agreement.status()).isEqualTo(AgreementStatus.PENDING_ACTIVATION);
    assertThat(agreement.signature().orElseThrow().method()).isEqualTo(EvidenceMethod.RECORDED_CALL);
    assertThat(agreement.signature().orElseThrow().channel()).isEqualTo(Channel.PHONE);
  }

  @Test
  void a_lost_lead_creates_nothing() {
    ProcessInstance lead = w.engine.start(new StartRequest(CrmProcesses.LEAD_TO_ORDER, java.util.Optional.empty(),
        DANA, java.util.Optional.empty(), Map.of(), "lead-2"));

    Completion lost = w.work(lead, "sales-1", "lost", Map.of());

    assertThat(lost.instance().status()).isEqualTo(InstanceStatus.COMPLETED);
    assertThat(w.agreements.forCustomer(DANA)).hasSize(1);
  }

  @Test
  void activation_activates_a_signed_agreement() {
    ProcessInstance lead = w.engine.start(new StartRequest(CrmProcesses.LEAD_TO_ORDER, java.util.Optional.empty(),
        DANA, java.util.Optional.empty(), Map.of(CrmProcesses.CHANNEL, "WEB"), "lead-3"));
    w.work(lead, "sales-1", "qualified", Map.of());
    w.work(lead, "sales-1", "accepted", Map.of(CrmProcesses.OFFER, "fibre-1g"));
    AgreementId id = AgreementId.of("A-" + lead.id().value());

    ProcessInstance activation = w.engine.start(CrmProcesses.request(CrmProcesses.ACTIVATION, DANA, id, Channel.WEB,
        "act-1"));
    w.work(activation, "ops-1", "done", Map.of());

    assertThat(w.agreement(id).status()).isEqualTo(AgreementStatus.ACTIVE);
    assertThat(w.agreement(id).signature().orElseThrow().method()).isEqualTo(EvidenceMethod.CLICKWRAP);
  }

  @Test
  void a_billing_complaint_disputes_the_invoice_until_it_is_resolved_and_answers_by_email() {
    ProcessInstance complaint = w.engine.start(CrmProcesses.request(CrmProcesses.COMPLAINT, DANA, FIBRE,
        Channel.PHONE, "c-1").with(CrmProcesses.INVOICE, INVOICE.value()));
    w.work(complaint, "desk-1", "billing", Map.of());
    assertThat(w.billing.isDisputed(FIBRE, INVOICE)).isTrue();

    w.work(complaint, "desk-1", "upheld", Map.of());

    assertThat(w.billing.isDisputed(FIBRE, INVOICE)).isFalse();
    assertThat(w.billing.invoiceState(FIBRE, INVOICE)).isEqualTo(SettlementState.SETTLED);
    ProcessInstance ended = w.engine.instance(complaint.id()).orElseThrow();
    assertThat(ended.status()).isEqualTo(InstanceStatus.COMPLETED);
    assertThat(ended.variables()).containsEntry(CrmProcesses.SENT_ON, "EMAIL");
    Interaction answer = w.log.find(io.cemkit.core.InteractionId.of(complaint.id().value() + ":answer"))
        .orElseThrow().value();
    assertThat(answer.direction()).isEqualTo(Direction.OUTBOUND);
    assertThat(answer.classification().code()).isEqualTo(CrmProcesses.ANSWER_CLASS);
    assertThat(answer.purpose()).contains(ConsentPurpose.SERVICE);
    assertThat(answer.invoice()).contains(INVOICE);
    assertThat(answer.processInstance()).contains(complaint.id());
  }

  @Test
  void an_answer_no_channel_may_carry_becomes_a_call_back() {
    w.withdraw(Channel.EMAIL, ConsentPurpose.SERVICE);
    w.withdraw(Channel.SMS, ConsentPurpose.SERVICE);
    ProcessInstance complaint = w.engine.start(CrmProcesses.request(CrmProcesses.COMPLAINT, DANA, FIBRE,
        Channel.PHONE, "c-2"));

    Completion rejected = w.work(complaint, "desk-1", "rejected", Map.of());

    assertThat(rejected.instance().step()).contains("call-back");
    assertThat(rejected.instance().variables().get(CrmProcesses.REFUSAL)).asString()
        .contains("withdrawn for SERVICE on [email, sms]");
  }

  @Test
  void a_dunning_policy_refuses_channels_that_cannot_carry_a_written_reminder() {
    assertThatThrownBy(() -> new DunningPolicy(Duration.ofDays(14), List.of(Duration.ofDays(7)), Duration.ofDays(7),
        Duration.ofDays(1), List.of(Channel.EMAIL, Channel.PHONE)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("DunningPolicy.channels: PHONE cannot carry a written reminder");
    assertThatThrownBy(() -> new DunningPolicy(Duration.ofDays(14), List.of(), Duration.ofDays(7),
        Duration.ofDays(1), List.of(Channel.EMAIL))).hasMessage("DunningPolicy.reminders must list at least one "
        + "reminder");
    assertThatThrownBy(() -> new DunningPolicy(Duration.ofDays(14), List.of(Duration.ZERO), Duration.ofDays(7),
        Duration.ofDays(1), List.of(Channel.EMAIL))).hasMessage("DunningPolicy.reminders[0] must be positive, was PT0S");
    assertThatThrownBy(() -> new DunningPolicy(Duration.ofDays(14), List.of(Duration.ofDays(7)), Duration.ofDays(7),
        Duration.ofDays(1), List.of(Channel.EMAIL, Channel.EMAIL))).hasMessageContaining("each once");
  }

  @Test
  void the_builder_refuses_message_classes_outside_the_taxonomy_and_slas_for_unknown_processes() {
    Interactions bare = Interactions.builder().customers(w.customers).agreements(w.agreements).log(w.log)
        .taxonomy(InteractionTaxonomy.of("service.request")).build();
    CrmProcesses.Builder b = CrmProcesses.builder().agreements(w.agreements).customers(w.customers).interactions(bare)
        .billing(w.billing).catalog(CrmFixture::catalog).provider(io.cemkit.core.ProviderId.of("telco"))
        .zone(CrmFixture.ZONE);
    assertThatThrownBy(b::build).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(CrmProcesses.REMINDER_CLASS);

    CrmProcesses.Builder unknown = CrmProcesses.builder().agreements(w.agreements).customers(w.customers)
        .interactions(w.interactions).billing(w.billing).catalog(CrmFixture::catalog)
        .provider(io.cemkit.core.ProviderId.of("telco")).zone(CrmFixture.ZONE)
        .sla("suspend", CrmFixture.SUSPENSION_SLA);
    assertThatThrownBy(unknown::build).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'suspend'").hasMessageContaining("suspension");
    assertThatThrownBy(() -> CrmProcesses.builder().agreements(w.agreements).build())
        .isInstanceOf(NullPointerException.class).hasMessageContaining("customers");
  }
}
