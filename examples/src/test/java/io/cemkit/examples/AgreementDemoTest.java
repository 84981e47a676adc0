package io.cemkit.examples;

import static io.cemkit.testkit.CemkitAssertions.assertThat;

import io.cemkit.core.Agreement;
import io.cemkit.core.AgreementEventType;
import io.cemkit.core.AgreementStatus;
import io.cemkit.core.AmendmentStatus;
import io.cemkit.core.AssetStatus;
import io.cemkit.core.Money;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AgreementDemoTest {

  @Test
  @DisplayName("the demo ends with an active agreement at version 2, the wrong card returned")
  void outcome() {
    Agreement a = new AgreementDemo(new PrintWriter(new StringWriter())).run();
    assertThat(a).isInStatus(AgreementStatus.ACTIVE).hasCurrentVersion(2)
        .hasVersionInForceOn(LocalDate.of(2026, 4, 30), 1)
        .hasVersionInForceOn(LocalDate.of(2026, 5, 1), 2)
        .hasAssetInStatus(AgreementDemo.WRONG_CARD, AssetStatus.RETURNED)
        .hasAssetInStatus(AgreementDemo.RIGHT_CARD, AssetStatus.DELIVERED)
        .hasAmendmentInStatus(AgreementDemo.PRICE_REVIEW, AmendmentStatus.APPLIED)
        .hasLastEvent(AgreementEventType.AMENDMENT_APPLIED);
    assertThat(a.paymentSchedule(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 7, 1)))
        .hasItemCount(9).hasTotal(Money.of("165.40", "ILS"));
  }

  @Test
  @DisplayName("the story shows the waiver, the consent refusal, the versions and the schedule")
  void story() {
    StringWriter text = new StringWriter();
    new AgreementDemo(new PrintWriter(text)).run();
    assertThat(text.toString())
        .contains("Customer C-1001: D*** L***, segments new-customer, private")
        .contains("marketing by e-mail allowed: yes; by WhatsApp allowed: no")
        .contains("2026-02-01 WAIVED 15.00 ILS: Agreement AG-2026-0042 holds 2 card(s)")
        .contains("2026-03-01 NOT_APPLICABLE")
        .contains("2026-03-01 CHARGED 15.00 ILS")
        .contains("resume again -> Agreement AG-2026-0042 is ACTIVE; RESUME is not allowed")
        .contains("apply without consent -> AmendmentConsentRequiredException")
        .contains("terms in force on 2026-05-01: version 2, account fee 12.90 ILS")
        .contains("  2026-05-01  account-fee   #5           12.90 ILS  (version 2)")
        .contains("total 165.40 ILS")
        .doesNotContain("Dana", "Levi", "dana.levi@example.com", "1234567");
  }

  @Test
  @DisplayName("the output is the same on every run")
  void deterministic() {
    StringWriter first = new StringWriter();
    StringWriter second = new StringWriter();
    new AgreementDemo(new PrintWriter(first)).run();
    new AgreementDemo(new PrintWriter(second)).run();
    assertThat(first.toString()).isEqualTo(second.toString());
  }
}
