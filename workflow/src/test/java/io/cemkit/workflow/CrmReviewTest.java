package io.cemkit.workflow;

import static io.cemkit.workflow.CrmFixture.AVI;
import static io.cemkit.workflow.CrmFixture.DANA;
import static io.cemkit.workflow.CrmFixture.FIBRE;
import static io.cemkit.workflow.CrmFixture.INVOICE;
import static io.cemkit.workflow.CrmFixture.ROUTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cemkit.core.Actor;
import io.cemkit.core.AgreementId;
import io.cemkit.core.AgreementStatus;
import io.cemkit.core.Channel;
import io.cemkit.core.ContinuationStatus;
import io.cemkit.core.Continuations;
import io.cemkit.core.CustomerId;
import io.cemkit.core.Individual;
import io.cemkit.core.InteractionClass;
import io.cemkit.core.PersonalData;
import io.cemkit.core.SettlementState;
import io.cemkit.core.StorageException;
import io.cemkit.core.spi.ContinuationStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Review of the CRM processes and Omnichannel: retries after lost writes, foreign records, disputes, bad input. */
class CrmReviewTest {
  private static final LocalDateTime SUNDAY_10 = LocalDateTime.of(2026, 11, 22, 10, 0);

  private final CrmFixture w = new CrmFixture(SUNDAY_10);

  private ProcessInstance start(String process, CustomerId customer, String key) {
    return w.engine.start(CrmProcesses.request(process, customer, FIBRE, Channel.PHONE, key));
  }

  /** A complaint about the fixture's invoice. */
  private ProcessInstance complaint(CustomerId customer, String key) {
    return w.engine.start(CrmProcesses.request(CrmProcesses.COMPLAINT, customer, FIBRE, Channel.PHONE, key)
        .with(CrmProcesses.INVOICE, INVOICE.value()));
  }

  private ProcessInstance now(ProcessInstance instance) {
    return w.engine.instance(instance.id()).orElseThrow();
  }

  private String lastOutcome(ProcessInstance instance) {
    List<AuditRecord> trail = w.trail(instance);
    return trail.get(trail.size() - 1).outcome().orElseThrow();
  }

  private long suspensions() {
    return w.agreement().events().stream().filter(e -> e.status() == AgreementStatus.SUSPENDED).count();
  }

  @Test
  @DisplayName("apply made the change but the instance's write was lost: completing again reports done, not refused")
  void applyAfterALostInstanceWrite() {
    ProcessInstance started = start(CrmProcesses.SUSPENSION, DANA, "s-1");
    WorkItem cut = w.engine.claim(started.workItem().orElseThrow(), "agent-1");
    w.store.failWrites.set(true);
    assertThatThrownBy(() -> w.engine.complete(cut.id(), cut.token(), StepResult.of("done")))
        .isInstanceOf(StorageException.class);
    w.store.failWrites.set(false);
    assertThat(w.agreement().status()).isEqualTo(AgreementStatus.SUSPENDED);

    Completion again = w.engine.complete(cut.id(), cut.token(), StepResult.of("done"));

    assertThat(again.instance().status()).isEqualTo(InstanceStatus.COMPLETED);
    assertThat(again.instance().variables()).doesNotContainKey(CrmProcesses.REFUSAL);
    assertThat(lastOutcome(started)).isEqualTo(CrmProcesses.DONE);
    assertThat(suspensions()).isEqualTo(1);
  }

  @Test
  @DisplayName("collection suspended but the instance's write was lost: the next fireTimers reports done, not refused")
  void collectionSuspendAfterALostInstanceWrite() {
    CrmFixture c = new CrmFixture(LocalDateTime.of(2026, 11, 5, 10, 0));
    ProcessInstance run = c.engine.start(CrmProcesses.request(CrmProcesses.COLLECTION, DANA, FIBRE, Channel.WEB,
        "col-1").with(CrmProcesses.INVOICE, INVOICE.value()));
    for (int days : new int[] {14, 7, 7}) {
      c.clock.advance(Duration.ofDays(days));
      c.engine.fireTimers();
    }
    assertThat(c.engine.instance(run.id()).orElseThrow().step()).contains("wait-3");
    c.clock.advance(Duration.ofDays(7));
    c.store.failWrites.set(true);
    assertThatThrownBy(c.engine::fireTimers).isInstanceOf(StorageException.class);
    c.store.failWrites.set(false);
    assertThat(c.agreement().status()).isEqualTo(AgreementStatus.SUSPENDED);

    assertThat(c.engine.fireTimers()).isEqualTo(1);

    ProcessInstance ended = c.engine.instance(run.id()).orElseThrow();
    assertThat(ended.status()).isEqualTo(InstanceStatus.COMPLETED);
    assertThat(ended.variables()).doesNotContainKey(CrmProcesses.REFUSAL);
    assertThat(c.trail(run).get(c.trail(run).size() - 1).outcome()).contains(CrmProcesses.DONE);
  }

  @Test
  @DisplayName("a complaint that is not about billing never credits the invoice it mentions")
  void upheldServiceComplaintLeavesTheInvoiceOpen() {
    ProcessInstance complaint = complaint(DANA, "c-1");
    w.work(complaint, "desk-1", "service", Map.of());

    w.work(complaint, "desk-1", "upheld", Map.of());

    assertThat(now(complaint).status()).isEqualTo(InstanceStatus.COMPLETED);
    assertThat(w.billing.invoiceState(FIBRE, INVOICE)).isEqualTo(SettlementState.OPEN);
  }

  @Test
  @DisplayName("a complaint closes only the dispute it opened, never another complaint's")
  void rejectedComplaintLeavesAnotherComplaintsDisputeOpen() {
    ProcessInstance billing = complaint(DANA, "c-1");
    w.work(billing, "desk-1", "billing", Map.of());
    ProcessInstance other = complaint(DANA, "c-2");
    w.work(other, "desk-2", "service", Map.of());

    w.work(other, "desk-2", "rejected", Map.of());

    assertThat(w.billing.isDisputed(FIBRE, INVOICE)).isTrue();
    w.work(billing, "desk-1", "upheld", Map.of());
    assertThat(w.billing.isDisputed(FIBRE, INVOICE)).isFalse();
    assertThat(w.billing.invoiceState(FIBRE, INVOICE)).isEqualTo(SettlementState.SETTLED);
  }

  @Test
  @DisplayName("a process for one customer never changes another customer's agreement")
  void anotherCustomersAgreementIsRefused() {
    ProcessInstance started = start(CrmProcesses.SUSPENSION, AVI, "s-avi");

    assertThat(started.status()).isEqualTo(InstanceStatus.COMPLETED);
    assertThat(started.variables().get(CrmProcesses.REFUSAL)).asString()
        .contains("agreement AG-FIBRE belongs to customer C-1").contains("C-2");
    assertThat(w.agreement().status()).isEqualTo(AgreementStatus.ACTIVE);
  }

  @Test
  @DisplayName("a complaint never disputes another customer's invoice")
  void anotherCustomersInvoiceIsNotDisputed() {
    ProcessInstance complaint = complaint(AVI, "c-avi");

    Completion triaged = w.work(complaint, "desk-1", "billing", Map.of());

    assertThat(triaged.instance().status()).isEqualTo(InstanceStatus.FAILED);
    assertThat(triaged.instance().failure()).hasValueSatisfying(f -> assertThat(f)
        .contains("CrossCustomerLinkException").contains("agreement AG-FIBRE").contains("belongs to customer C-1"));
    assertThat(w.billing.isDisputed(FIBRE, INVOICE)).isFalse();
  }

  @Test
  @DisplayName("a fault that is not a FaultParty name is refused naming the variable and the allowed names")
  void badFaultIsRefusedClearly() {
    w.engine.start(CrmProcesses.request(CrmProcesses.INSTALLATION, DANA, FIBRE, Channel.APP, "i-0")
        .with(CrmProcesses.ASSET, ROUTER.value()));
    WorkItem visit = w.engine.leaseNext(CrmProcesses.FIELD_SERVICE, "installer-co", Duration.ofDays(2)).orElseThrow();
    w.engine.complete(visit.id(), visit.token(), StepResult.of("done"));

    ProcessInstance started = w.engine.start(CrmProcesses.request(CrmProcesses.REPLACEMENT, DANA, FIBRE,
        Channel.PHONE, "x-1").with(CrmProcesses.ASSET, ROUTER.value())
        .with(CrmProcesses.REPLACEMENT_ASSET, "router-2").with(CrmProcesses.FAULT, "provider"));

    assertThat(started.variables().get(CrmProcesses.REFUSAL)).asString()
        .isEqualTo("variable 'fault' is 'provider', not one of [NONE, PROVIDER, CUSTOMER]");
  }

  @Test
  @DisplayName("a sale for a customer the store does not know fails clearly and records no agreement; retry sells")
  void saleForAnUnknownCustomer() {
    CustomerId stranger = CustomerId.of("C-404");
    ProcessInstance lead = w.engine.start(new StartRequest(CrmProcesses.LEAD_TO_ORDER, Optional.empty(), stranger,
        Optional.empty(), Map.of(CrmProcesses.CHANNEL, "PHONE"), "lead-404"));
    w.work(lead, "sales-1", "qualified", Map.of());

    Completion sold = w.work(lead, "sales-1", "accepted", Map.of(CrmProcesses.OFFER, "fibre-1g"));

    AgreementId id = AgreementId.of("A-" + lead.id().value());
    assertThat(sold.instance().status()).isEqualTo(InstanceStatus.FAILED);
    assertThat(sold.instance().failure()).hasValueSatisfying(f -> assertThat(f).contains("UnknownEntityException")
        .contains("C-404"));
    assertThat(w.agreements.find(id)).isEmpty();

    w.customers.insert(Individual.builder().id(stranger).name(PersonalData.name("Noa Stern")).build());
    ProcessInstance retried = w.engine.retry(lead.id());
    assertThat(retried.status()).isEqualTo(InstanceStatus.COMPLETED);
    assertThat(w.agreement(id).customer()).isEqualTo(stranger);
  }

  // ------------------------------------------------------------------------------------------
  // Omnichannel

  /** A continuation store whose updates fail while {@code down} is set; everything else goes to {@code real}. */
  private static ContinuationStore failingUpdates(ContinuationStore real, AtomicBoolean down) {
    return (ContinuationStore) Proxy.newProxyInstance(ContinuationStore.class.getClassLoader(),
        new Class<?>[] {ContinuationStore.class}, (proxy, method, args) -> {
          if (down.get() && method.getName().equals("update")) {
            throw new StorageException("continuation database down", new RuntimeException("timeout"));
          }
          try {
            return method.invoke(real, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  private Omnichannel omnichannel(ContinuationStore store) {
    Continuations continuations = Continuations.builder().store(store).interactions(w.interactions).clock(w.clock)
        .switchClass(InteractionClass.of("channel.switch")).build();
    Omnichannel omnichannel = new Omnichannel(continuations, store);
    w.engine = w.newEngine(WorkflowEngine.builder().listener(omnichannel.listener()));
    return omnichannel;
  }

  @Test
  @DisplayName("the Omnichannel listener never throws into the engine: a completion stored is not reported failed")
  void listenerFailureStaysOutOfTheEngine() {
    AtomicBoolean down = new AtomicBoolean();
    Omnichannel omnichannel = omnichannel(failingUpdates(w.continuationStore, down));
    Omnichannel.Started started = omnichannel.start(w.engine, CrmProcesses.request(CrmProcesses.TERMINATION, DANA,
        FIBRE, Channel.APP, "t-app"), Channel.APP);
    down.set(true);

    Completion retained = w.work(started.instance(), "retention-1", "confirmed", Map.of());

    assertThat(retained.instance().step()).contains("deactivate");
    down.set(false);
    Omnichannel.Resumed resumed = omnichannel.resume(w.engine, started.continuation().token(), DANA, Channel.PHONE,
        Actor.agent("a-7"));
    assertThat(resumed.continuation().step()).isEqualTo("deactivate");
  }

  @Test
  @DisplayName("a cancelled instance cancels its continuation; it does not mark it completed")
  void cancelledInstanceCancelsItsContinuation() {
    Omnichannel omnichannel = omnichannel(w.continuationStore);
    Omnichannel.Started started = omnichannel.start(w.engine, CrmProcesses.request(CrmProcesses.TERMINATION, DANA,
        FIBRE, Channel.APP, "t-app"), Channel.APP);

    w.engine.cancel(started.instance().id(), "agent-7", "the customer changed her mind");

    assertThat(w.continuationStore.find(started.continuation().id()).orElseThrow().value().status())
        .isEqualTo(ContinuationStatus.CANCELLED);
  }

  @Test
  @DisplayName("a process that changes an agreement refuses to run without one, or with one that does not exist")
  void missingAgreementIsRefused() {
    ProcessInstance without = w.engine.start(new StartRequest(CrmProcesses.SUSPENSION, Optional.empty(), DANA,
        Optional.empty(), Map.of(CrmProcesses.CHANNEL, "PHONE"), "s-none"));
    assertThat(without.status()).isEqualTo(InstanceStatus.COMPLETED);
    assertThat(without.variables().get(CrmProcesses.REFUSAL)).isEqualTo("process instance " + without.id().value()
        + " serves no agreement; start it with one");

    ProcessInstance unknown = w.engine.start(CrmProcesses.request(CrmProcesses.SUSPENSION, DANA,
        AgreementId.of("AG-NONE"), Channel.PHONE, "s-unknown"));
    assertThat(unknown.status()).isEqualTo(InstanceStatus.COMPLETED);
    assertThat(unknown.variables().get(CrmProcesses.REFUSAL)).isEqualTo("agreement AG-NONE does not exist");
    assertThat(w.agreement().status()).isEqualTo(AgreementStatus.ACTIVE);
  }

  @Test
  @DisplayName("an offer accepted without naming the offer is refused, and no agreement is recorded")
  void acceptedWithoutOfferIsRefused() {
    ProcessInstance lead = w.engine.start(new StartRequest(CrmProcesses.LEAD_TO_ORDER, Optional.empty(), DANA,
        Optional.empty(), Map.of(CrmProcesses.CHANNEL, "PHONE"), "lead-no-offer"));
    w.work(lead, "sales-1", "qualified", Map.of());

    Completion accepted = w.work(lead, "sales-1", "accepted", Map.of());

    assertThat(accepted.instance().variables().get(CrmProcesses.REFUSAL))
        .isEqualTo("the offer step was completed as accepted without the variable '" + CrmProcesses.OFFER + "'");
    assertThat(w.agreements.find(AgreementId.of("A-" + lead.id().value()))).isEmpty();
  }
}
