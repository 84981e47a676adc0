package io.cemkit.workflow;

import static io.cemkit.workflow.CrmFixture.DANA;
import static io.cemkit.workflow.CrmFixture.FIBRE;
import static io.cemkit.workflow.CrmFixture.INVOICE;
import static org.assertj.core.api.Assertions.assertThat;

import io.cemkit.core.AgreementEvent;
import io.cemkit.core.AgreementStatus;
import io.cemkit.core.Channel;
import io.cemkit.core.ConsentPurpose;
import io.cemkit.core.Direction;
import io.cemkit.core.Interaction;
import io.cemkit.core.InvoiceId;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Collection: reminders and a notice through channels the customer has not withdrawn, a dispute that
 * freezes dunning, payment that ends it, and suspension only of service not paid for.
 */
class CollectionTest {
  /** Issued on a Thursday; due 14 days later; reminders a week apart. */
  private static final LocalDateTime ISSUED = LocalDateTime.of(2026, 11, 5, 10, 0);

  private final CrmFixture w = new CrmFixture(ISSUED);

  private ProcessInstance startCollection() {
    return w.engine.start(CrmProcesses.request(CrmProcesses.COLLECTION, DANA, FIBRE, Channel.WEB, "col-1")
        .with(CrmProcesses.INVOICE, INVOICE.value()));
  }

  /** Moves the clock a number of days and fires what came due. */
  private int days(int n) {
    w.clock.advance(Duration.ofDays(n));
    return w.engine.fireTimers();
  }

  private ProcessInstance now(ProcessInstance instance) {
    return w.engine.instance(instance.id()).orElseThrow();
  }

  private List<Interaction> messages() {
    return w.log.recent(DANA, w.clock.instant(), 50).stream().filter(i -> i.direction() == Direction.OUTBOUND)
        .sorted(java.util.Comparator.comparing(Interaction::startedAt)).collect(Collectors.toList());
  }

  private List<String> steps(ProcessInstance instance) {
    return w.trail(instance).stream().filter(r -> r.kind() == AuditRecord.Kind.COMPLETED)
        .map(r -> r.from().orElseThrow() + ":" + r.outcome().orElseThrow()).collect(Collectors.toList());
  }

  @Test
  void an_invoice_never_paid_is_reminded_twice_noticed_and_the_service_suspended() {
    ProcessInstance run = startCollection();
    assertThat(run.step()).contains("await-due");

    assertThat(days(13)).isZero();
    assertThat(days(1)).isEqualTo(1);
    assertThat(now(run).step()).contains("wait-1");
    days(7);
    days(7);
    assertThat(now(run).step()).contains("wait-3");
    assertThat(w.agreement().status()).isEqualTo(AgreementStatus.ACTIVE);
    days(7);

    assertThat(now(run).status()).isEqualTo(InstanceStatus.COMPLETED);
    assertThat(w.agreement().status()).isEqualTo(AgreementStatus.SUSPENDED);
    AgreementEvent suspended = w.agreement().events().get(w.agreement().events().size() - 1);
    assertThat(suspended.reason()).startsWith("non-payment of invoice INV-2026-11");
    assertThat(suspended.at()).isEqualTo(CrmFixture.at(LocalDateTime.of(2026, 12, 10, 10, 0)));
    assertThat(steps(run)).containsExactly("await-due:elapsed", "check-1:unpaid", "remind-1:sent",
        "wait-1:elapsed", "check-2:unpaid", "remind-2:sent", "wait-2:elapsed", "check-3:unpaid", "notice:sent",
        "wait-3:elapsed", "check-4:unpaid", "suspend:done");
    List<Interaction> sent = messages();
    assertThat(sent).extracting(i -> i.classification().code()).containsExactly(CrmProcesses.REMINDER_CLASS,
        CrmProcesses.REMINDER_CLASS, CrmProcesses.NOTICE_CLASS);
    assertThat(sent).allSatisfy(i -> {
      assertThat(i.channel()).isEqualTo(Channel.EMAIL);
      assertThat(i.purpose()).contains(ConsentPurpose.BILLING_COLLECTION);
      assertThat(i.invoice()).contains(INVOICE);
      assertThat(i.agreement()).contains(FIBRE);
      assertThat(i.processInstance()).contains(run.id());
    });
    assertThat(sent).extracting(Interaction::startedAt).containsExactly(
        CrmFixture.at(LocalDateTime.of(2026, 11, 19, 10, 0)), CrmFixture.at(LocalDateTime.of(2026, 11, 26, 10, 0)),
        CrmFixture.at(LocalDateTime.of(2026, 12, 3, 10, 0)));
  }

  @Test
  void payment_ends_collection_at_the_next_check_and_nothing_more_is_sent() {
    ProcessInstance run = startCollection();
    days(14);
    w.billing.pay(FIBRE, INVOICE);

    days(7);

    assertThat(now(run).status()).isEqualTo(InstanceStatus.COMPLETED);
    assertThat(steps(run)).endsWith("check-2:paid");
    assertThat(messages()).hasSize(1);
    days(30);
    assertThat(w.agreement().status()).isEqualTo(AgreementStatus.ACTIVE);
  }

  @Test
  void paid_after_the_notice_is_never_suspended() {
    ProcessInstance run = startCollection();
    days(14);
    days(7);
    days(7);
    w.billing.pay(FIBRE, INVOICE);

    days(7);

    assertThat(steps(run)).endsWith("notice:sent", "wait-3:elapsed", "check-4:paid");
    assertThat(w.agreement().status()).isEqualTo(AgreementStatus.ACTIVE);
  }

  @Test
  void a_dispute_freezes_dunning_with_the_sla_clock_paused_until_billing_closes_it() {
    ProcessInstance run = startCollection();
    days(14);
    ProcessInstance complaint = w.engine.start(CrmProcesses.request(CrmProcesses.COMPLAINT, DANA, FIBRE,
        Channel.PHONE, "c-1").with(CrmProcesses.INVOICE, INVOICE.value()));
    w.work(complaint, "desk-1", "billing", Map.of());

    days(7);
    assertThat(now(run).step()).contains("hold-2");
    days(1);
    days(1);
    assertThat(now(run).step()).contains("hold-2");
    assertThat(messages()).hasSize(1);
    w.work(complaint, "desk-1", "rejected-claim", Map.of());

    days(1);

    assertThat(now(run).step()).contains("wait-2");
    assertThat(steps(run)).containsSubsequence("check-2:disputed", "hold-2:elapsed", "check-2:disputed",
        "hold-2:elapsed", "check-2:disputed", "hold-2:elapsed", "check-2:unpaid", "remind-2:sent");
    // Three days frozen move the 60-day resolution deadline from 4 to 7 January; the first-response
    // deadline had passed before the freeze and stays where it was.
    SlaClock sla = w.store.find(run.id()).orElseThrow().value().sla().orElseThrow();
    assertThat(sla.resolutionDue()).isEqualTo(CrmFixture.at(LocalDateTime.of(2027, 1, 7, 10, 0)));
    assertThat(sla.responseDue()).isEqualTo(CrmFixture.at(LocalDateTime.of(2026, 11, 20, 10, 0)));
    assertThat(sla.pausedSince()).isEmpty();
  }

  @Test
  void a_dispute_upheld_for_the_customer_credits_the_invoice_and_ends_collection() {
    ProcessInstance run = startCollection();
    days(14);
    ProcessInstance complaint = w.engine.start(CrmProcesses.request(CrmProcesses.COMPLAINT, DANA, FIBRE,
        Channel.PHONE, "c-2").with(CrmProcesses.INVOICE, INVOICE.value()));
    w.work(complaint, "desk-1", "billing", Map.of());
    days(7);
    w.work(complaint, "desk-1", "upheld", Map.of());

    days(1);

    assertThat(now(run).status()).isEqualTo(InstanceStatus.COMPLETED);
    assertThat(steps(run)).endsWith("check-2:paid");
    days(30);
    assertThat(w.agreement().status()).isEqualTo(AgreementStatus.ACTIVE);
  }

  @Test
  void reminders_avoid_a_channel_withdrawn_for_billing_and_with_none_left_an_agent_makes_contact() {
    w.withdraw(Channel.EMAIL, ConsentPurpose.BILLING_COLLECTION);
    ProcessInstance run = startCollection();
    days(14);
    assertThat(messages()).extracting(Interaction::channel).containsExactly(Channel.SMS);
    w.withdraw(Channel.SMS, ConsentPurpose.BILLING_COLLECTION);

    days(7);

    ProcessInstance waiting = now(run);
    assertThat(waiting.step()).contains("contact-2");
    assertThat(waiting.variables().get(CrmProcesses.REFUSAL)).asString()
        .isEqualTo("withdrawn for BILLING_COLLECTION on [email, sms]; no contact point on the other channels");
    assertThat(w.engine.queued(CrmProcesses.COLLECTIONS, 10)).extracting(WorkItem::instance).containsExactly(run.id());
    w.work(run, "collector-1", "called", Map.of());
    assertThat(now(run).step()).contains("wait-2");
  }

  @Test
  void an_invoice_billing_does_not_know_goes_to_an_agent_and_is_not_dunned() {
    ProcessInstance run = w.engine.start(CrmProcesses.request(CrmProcesses.COLLECTION, DANA, FIBRE, Channel.WEB,
        "col-x").with(CrmProcesses.INVOICE, "INV-UNKNOWN"));
    days(14);

    assertThat(now(run).step()).contains("verify-1");
    assertThat(messages()).isEmpty();
    w.work(run, "collector-1", "cancelled", Map.of());
    assertThat(now(run).status()).isEqualTo(InstanceStatus.COMPLETED);
    assertThat(w.billing.invoiceState(FIBRE, InvoiceId.of("INV-UNKNOWN")))
        .isEqualTo(io.cemkit.core.SettlementState.UNKNOWN);
  }
}
