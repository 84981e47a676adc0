package io.cemkit.workflow;

import static io.cemkit.workflow.CrmFixture.DANA;
import static io.cemkit.workflow.CrmFixture.FIBRE;
import static io.cemkit.workflow.CrmFixture.INVOICE;
import static io.cemkit.workflow.CrmFixture.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.cemkit.core.AgreementStatus;
import io.cemkit.core.Channel;
import io.cemkit.core.ConsentPurpose;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue #6's "done means": a suspension and a dunning run driven by a virtual clock across an Israeli
 * weekend (Friday and Saturday; the office works Sunday to Thursday, 09:00 to 17:00), with the SLA
 * verdict of every transition.
 */
class SlaAcrossWeekendTest {

  /** "step:outcome verdict-deadline verdict-status due" for each completed step. */
  private static List<String> verdicts(CrmFixture w, ProcessInstance instance) {
    return w.trail(instance).stream().filter(r -> r.kind() == AuditRecord.Kind.COMPLETED)
        .map(r -> r.from().orElseThrow() + ":" + r.outcome().orElseThrow() + " " + r.sla().map(v -> v.deadline() + " "
            + v.status() + " due " + v.due().atZone(CrmFixture.ZONE).toLocalDateTime()).orElse("no SLA"))
        .collect(Collectors.toList());
  }

  @Test
  void a_suspension_asked_on_thursday_afternoon_is_due_on_sunday_and_judged_in_office_hours() {
    CrmFixture w = new CrmFixture(LocalDateTime.of(2026, 11, 19, 15, 0));
    List<SlaAlert> alerts = new ArrayList<>();
    w.engine = w.newEngine(WorkflowEngine.builder().listener(new io.cemkit.workflow.spi.WorkflowListener() {
      @Override
      public void slaAlert(ProcessInstance instance, SlaAlert alert, java.time.Instant when) {
        alerts.add(alert);
      }
    }));
    ProcessInstance suspension = w.engine.start(CrmProcesses.request(CrmProcesses.SUSPENSION, DANA, FIBRE,
        Channel.PHONE, "s-thu"));

    // The weekend: nothing is at risk, because no office hour passes.
    w.clock.advance(Duration.ofHours(67));
    assertThat(w.clock.instant()).isEqualTo(at(LocalDateTime.of(2026, 11, 22, 10, 0)));
    assertThat(w.engine.checkDeadlines()).isZero();
    // Sunday 10:12 is 80% of the 4 office hours for the first response: at risk.
    w.clock.advance(Duration.ofMinutes(15));
    assertThat(w.engine.checkDeadlines()).isEqualTo(1);
    assertThat(alerts).containsExactly(SlaAlert.RESPONSE_AT_RISK);
    w.clock.advance(Duration.ofMinutes(15));
    w.work(suspension, "ops-1", "done", Map.of(CrmProcesses.REASON, "customer abroad"));

    assertThat(w.agreement().status()).isEqualTo(AgreementStatus.SUSPENDED);
    assertThat(verdicts(w, suspension)).containsExactly(
        "check:allowed RESPONSE ON_TIME due 2026-11-22T11:00",
        "cut:done RESPONSE AT_RISK due 2026-11-22T11:00",
        "apply:done RESOLUTION ON_TIME due 2026-11-22T15:00");
  }

  @Test
  void a_dunning_run_whose_reminder_waits_for_an_agent_over_the_weekend_breaches_its_response_deadline() {
    CrmFixture w = new CrmFixture(LocalDateTime.of(2026, 11, 5, 10, 0));
    w.withdraw(Channel.EMAIL, ConsentPurpose.BILLING_COLLECTION);
    w.withdraw(Channel.SMS, ConsentPurpose.BILLING_COLLECTION);
    ProcessInstance collection = w.engine.start(CrmProcesses.request(CrmProcesses.COLLECTION, DANA, FIBRE,
        Channel.WEB, "col-weekend").with(CrmProcesses.INVOICE, INVOICE.value()));

    // Due Thursday 19 November, past 80% of the 15-day first response: no channel may carry the reminder, so a
    // collector must call.
    w.clock.advance(Duration.ofDays(14));
    assertThat(w.engine.fireTimers()).isEqualTo(1);
    assertThat(w.engine.instance(collection.id()).orElseThrow().step()).contains("contact-1");
    // 80% of the 15 days passed on Tuesday: at risk.
    assertThat(w.engine.checkDeadlines()).isEqualTo(1);
    // Friday 10:00: the first-response deadline (15 days) passes during the weekend.
    w.clock.advance(Duration.ofDays(1));
    assertThat(w.engine.checkDeadlines()).isEqualTo(1);
    // Sunday 09:30 the collector calls; she agrees to e-mail for billing again.
    w.clock.advance(Duration.ofDays(2).minusMinutes(30));
    w.grant(Channel.EMAIL, ConsentPurpose.BILLING_COLLECTION);
    w.work(collection, "collector-1", "called", Map.of());
    for (int week = 0; week < 3; week++) {
      w.clock.advance(Duration.ofDays(7));
      assertThat(w.engine.fireTimers()).isEqualTo(1);
    }

    assertThat(w.agreement().status()).isEqualTo(AgreementStatus.SUSPENDED);
    assertThat(verdicts(w, collection)).containsExactly(
        "await-due:elapsed RESPONSE AT_RISK due 2026-11-20T10:00",
        "check-1:unpaid RESPONSE AT_RISK due 2026-11-20T10:00",
        "remind-1:no-channel RESPONSE AT_RISK due 2026-11-20T10:00",
        "contact-1:called RESPONSE BREACHED due 2026-11-20T10:00",
        "wait-1:elapsed RESOLUTION ON_TIME due 2027-01-04T10:00",
        "check-2:unpaid RESOLUTION ON_TIME due 2027-01-04T10:00",
        "remind-2:sent RESOLUTION ON_TIME due 2027-01-04T10:00",
        "wait-2:elapsed RESOLUTION ON_TIME due 2027-01-04T10:00",
        "check-3:unpaid RESOLUTION ON_TIME due 2027-01-04T10:00",
        "notice:sent RESOLUTION ON_TIME due 2027-01-04T10:00",
        "wait-3:elapsed RESOLUTION ON_TIME due 2027-01-04T10:00",
        "check-4:unpaid RESOLUTION ON_TIME due 2027-01-04T10:00",
        "suspend:done RESOLUTION ON_TIME due 2027-01-04T10:00");
  }
}
