package io.cemkit.examples;

import static io.cemkit.testkit.CemkitAssertions.assertThat;

import io.cemkit.core.Agreement;
import io.cemkit.core.AgreementStatus;
import io.cemkit.core.Channel;
import io.cemkit.core.ContextWarning;
import io.cemkit.core.CustomerView;
import io.cemkit.core.SentimentSummary;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ContextDemoTest {

  private static CustomerView run(StringWriter text) {
    Agreement agreement = new AgreementDemo(new PrintWriter(new StringWriter())).run();
    return new ContextDemo(new PrintWriter(text)).run(AgreementDemo.customer(), agreement);
  }

  @Test
  @DisplayName("the agent's view: the agreement, the overdue fee, the continuation, the detractor and the warnings")
  void view() {
    CustomerView view = run(new StringWriter());
    assertThat(view).showsAgreement(AgreementDemo.AGREEMENT, AgreementStatus.ACTIVE)
        .leadsWith(ContextWarning.Code.PAYMENT_OVERDUE).hasWarning(ContextWarning.Code.NO_MARKETING_CONSENT)
        .hasWarning(ContextWarning.Code.DETRACTOR_FEEDBACK)
        .hasOverduePayments(1);
    assertThat(view.continuations()).singleElement().satisfies(c -> {
      assertThat(c.step()).isEqualTo("documents-signed");
      assertThat(c.lastChannel()).isEqualTo(Channel.BRANCH);
    });
    assertThat(view.recentInteractions()).hasSize(4);
    assertThat(view.sentiment().trend()).isEqualTo(SentimentSummary.Trend.IMPROVING);
  }

  @Test
  @DisplayName("the story shows the refused offer, the channel switch and the warnings, without personal data")
  void story() {
    StringWriter text = new StringWriter();
    run(text);
    assertThat(text.toString())
        .contains("refused: Customer C-1001: outbound MARKETING contact on WHATSAPP has no basis")
        .contains("channel switch APP -> BRANCH on 2026-05-07, recorded as interaction LOAN-77:switch:1")
        .contains("HIGH   PAYMENT_OVERDUE            12.90 ILS for account-fee #5 of agreement AG-2026-0042 was due "
            + "on 2026-05-01 and is unpaid")
        .contains("HIGH   DETRACTOR_FEEDBACK         The customer's last feedback (2026-05-10T07:00:00Z) scored 6 of 10 "
            + "at switch-survey")
        .doesNotContain("Dana", "Levi", "disappointed", "40000", "still not complete");
  }
}
