package io.cemkit.workflow;

import static io.cemkit.workflow.CrmFixture.AVI;
import static io.cemkit.workflow.CrmFixture.DANA;
import static io.cemkit.workflow.CrmFixture.FIBRE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cemkit.core.Actor;
import io.cemkit.core.Channel;
import io.cemkit.core.Continuation;
import io.cemkit.core.ContinuationStatus;
import io.cemkit.core.ContinuationSummary;
import io.cemkit.core.ContinuationTokenException;
import io.cemkit.core.CustomerContext;
import io.cemkit.core.CustomerView;
import io.cemkit.core.Interaction;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An instance started in the app is picked up on the phone, and the customer context shows where she stopped. */
class OmnichannelTest {
  private final CrmFixture w = new CrmFixture(LocalDateTime.of(2026, 11, 22, 10, 0));
  private final Omnichannel omnichannel = new Omnichannel(w.continuations, w.continuationStore);

  {
    w.engine = w.newEngine(WorkflowEngine.builder().listener(omnichannel.listener()));
  }

  private Omnichannel.Started startTerminationInApp() {
    return omnichannel.start(w.engine, CrmProcesses.request(CrmProcesses.TERMINATION, DANA, FIBRE, Channel.APP,
        "t-app"), Channel.APP);
  }

  private CustomerView context() {
    return CustomerContext.builder().customers(w.customers).agreements(w.agreements).interactions(w.log)
        .continuations(w.continuationStore).processes(w.engine).build().open(DANA, Channel.PHONE, w.clock.instant());
  }

  @Test
  void a_start_in_one_channel_carries_a_continuation_at_the_instances_step() {
    Omnichannel.Started started = startTerminationInApp();

    Continuation c = started.continuation();
    assertThat(c.id()).isEqualTo(Omnichannel.continuationOf(started.instance().id()));
    assertThat(c.action()).isEqualTo(CrmProcesses.TERMINATION);
    assertThat(c.step()).isEqualTo("retain");
    assertThat(c.startedOn()).isEqualTo(Channel.APP);
    assertThat(c.processInstance()).contains(started.instance().id());
  }

  @Test
  void repeating_the_start_returns_the_same_instance_and_continuation() {
    Omnichannel.Started first = startTerminationInApp();
    Omnichannel.Started again = startTerminationInApp();

    assertThat(again.instance().id()).isEqualTo(first.instance().id());
    assertThat(again.continuation().token()).isEqualTo(first.continuation().token());
  }

  @Test
  void the_customer_resumes_on_the_phone_the_switch_is_recorded_and_the_agent_finds_the_work_item() {
    Omnichannel.Started started = startTerminationInApp();
    w.clock.advance(Duration.ofHours(3));

    Omnichannel.Resumed resumed = omnichannel.resume(w.engine, started.continuation().token(), DANA, Channel.PHONE,
        Actor.agent("a-7"));

    assertThat(resumed.instance().id()).isEqualTo(started.instance().id());
    assertThat(resumed.workItem()).hasValueSatisfying(item -> assertThat(item.step()).isEqualTo("retain"));
    assertThat(resumed.continuation().lastChannel()).isEqualTo(Channel.PHONE);
    assertThat(resumed.continuation().switches()).hasSize(1);
    assertThat(resumed.continuation().switches().get(0).from()).isEqualTo(Channel.APP);
    assertThat(resumed.continuation().switches().get(0).to()).isEqualTo(Channel.PHONE);
    List<Interaction> recent = w.log.recent(DANA, w.clock.instant(), 10);
    assertThat(recent).anySatisfy(i -> {
      assertThat(i.classification().code()).isEqualTo("channel.switch");
      assertThat(i.channel()).isEqualTo(Channel.PHONE);
      assertThat(i.continuation()).contains(started.continuation().id());
    });
  }

  @Test
  void the_continuation_follows_the_instance_and_the_context_shows_where_the_customer_stopped() {
    Omnichannel.Started started = startTerminationInApp();
    w.work(started.instance(), "retention-1", "confirmed", Map.of());

    CustomerView view = context();

    assertThat(view.continuations()).extracting(ContinuationSummary::step).containsExactly("deactivate");
    assertThat(view.continuations().get(0).processInstance()).contains(started.instance().id());
    assertThat(view.openProcesses()).extracting(p -> p.id()).containsExactly(started.instance().id());
    assertThat(view.openProcesses().get(0).currentStep()).isEqualTo("deactivate");

    w.work(started.instance(), "ops-1", "done", Map.of());

    Continuation done = w.continuationStore.find(started.continuation().id()).orElseThrow().value();
    assertThat(done.status()).isEqualTo(ContinuationStatus.COMPLETED);
    assertThat(context().continuations()).isEmpty();
  }

  @Test
  void an_instance_waiting_at_a_timer_offers_no_work_item_to_claim() {
    Omnichannel.Started started = omnichannel.start(w.engine, CrmProcesses.request(CrmProcesses.COLLECTION, DANA,
        FIBRE, Channel.WEB, "col-omni").with(CrmProcesses.INVOICE, CrmFixture.INVOICE.value()), Channel.WEB);

    Omnichannel.Resumed resumed = omnichannel.resume(w.engine, started.continuation().token(), DANA, Channel.PHONE,
        Actor.agent("a-7"));

    assertThat(resumed.instance().step()).contains("await-due");
    assertThat(resumed.workItem()).isEmpty();
    assertThat(resumed.continuation().step()).isEqualTo("await-due");
  }

  @Test
  void another_customers_token_is_refused_without_revealing_it() {
    Omnichannel.Started started = startTerminationInApp();

    assertThatThrownBy(() -> omnichannel.resume(w.engine, started.continuation().token(), AVI, Channel.PHONE,
        Actor.agent("a-7"))).isInstanceOf(ContinuationTokenException.class)
        .hasMessageNotContaining(started.continuation().token().reveal());
  }

  @Test
  void an_instance_refused_at_its_check_completes_its_continuation_at_once() {
    Omnichannel.Started started = omnichannel.start(w.engine, CrmProcesses.request(CrmProcesses.RESUMPTION, DANA,
        FIBRE, Channel.WEB, "r-web"), Channel.WEB);

    assertThat(started.instance().status()).isEqualTo(InstanceStatus.COMPLETED);
    assertThat(w.continuationStore.find(started.continuation().id()).orElseThrow().value().status())
        .isEqualTo(ContinuationStatus.COMPLETED);
    assertThat(context().continuations()).isEmpty();
  }
}
