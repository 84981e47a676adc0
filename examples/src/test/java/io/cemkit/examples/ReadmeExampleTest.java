package io.cemkit.examples;

import static io.cemkit.testkit.CemkitAssertions.assertThat;

import io.cemkit.core.Actor;
import io.cemkit.core.Agreement;
import io.cemkit.core.AgreementId;
import io.cemkit.core.AgreementItem;
import io.cemkit.core.AgreementItemId;
import io.cemkit.core.AgreementStatus;
import io.cemkit.core.AgreementTerms;
import io.cemkit.core.BillingFrequency;
import io.cemkit.core.ChangeContext;
import io.cemkit.core.Channel;
import io.cemkit.core.Charge;
import io.cemkit.core.ChargeBasis;
import io.cemkit.core.ChargeId;
import io.cemkit.core.CustomerId;
import io.cemkit.core.DateRange;
import io.cemkit.core.Entitlement;
import io.cemkit.core.EntitlementCheck;
import io.cemkit.core.EntitlementId;
import io.cemkit.core.Evidence;
import io.cemkit.core.EvidenceMethod;
import io.cemkit.core.Fee;
import io.cemkit.core.FeeAssessment;
import io.cemkit.core.Money;
import io.cemkit.core.PaymentSchedule;
import io.cemkit.core.Periodicity;
import io.cemkit.core.Product;
import io.cemkit.core.ProductKind;
import io.cemkit.core.ProviderId;
import io.cemkit.core.SecondCardFeeRule;
import io.cemkit.core.SlaTarget;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's example, verbatim between the markers, so that it keeps compiling and working. */
class ReadmeExampleTest {

  @Test
  @DisplayName("the README shows exactly the code this test runs")
  void readmeShowsThisCode() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    String shown = readme.split("```java\n", 2)[1].split("```", 2)[0].strip();
    String source = Files.readString(Path.of("src/test/java/io/cemkit/examples/ReadmeExampleTest.java"));
    String tested = source.split("// README example begins\n", 2)[1].split("    // README example ends", 2)[0]
        .stripTrailing().lines().map(line -> line.length() >= 4 ? line.substring(4) : line)
        .collect(Collectors.joining("\n"));
    assertThat(shown).isEqualTo(tested);
  }

  @Test
  @DisplayName("every line of each demo excerpt in the README is printed by the demo whose command precedes it")
  void readmeDemoExcerptsAreReal(@TempDir Path dir) throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    Matcher excerpt = Pattern.compile("```text\n(.*?)```", Pattern.DOTALL).matcher(readme);
    Matcher command = Pattern.compile("cemkit\\.jar demo( [a-z-]+)?\n").matcher(readme);
    Set<String> shown = new TreeSet<>();
    while (excerpt.find()) {
      String name = DemoCommand.DEFAULT;
      for (int at = 0; command.find(at) && command.start() < excerpt.start(); at = command.end()) {
        name = command.group(1) == null ? DemoCommand.DEFAULT : command.group(1).strip();
      }
      Path out = dir.resolve(name);
      StringWriter text = new StringWriter();
      assertThat(CemkitCli.run(new PrintWriter(text), new PrintWriter(new StringWriter()), "demo", name, "--out",
          out.toString())).isZero();
      // The README shows the default folder; the test writes into a temporary one.
      List<String> printed = text.toString().replace(out.toString(), DemoFiles.defaultDir(name).toString()).lines()
          .collect(Collectors.toList());
      assertThat(excerpt.group(1).lines().filter(line -> !line.equals("..."))).as(name).isNotEmpty()
          .allSatisfy(line -> assertThat(printed).contains(line));
      shown.add(name);
    }
    assertThat(shown).containsExactlyInAnyOrderElementsOf(DemoCommand.SCENARIOS.stream()
        .map(DemoCommand.Scenario::name).toList());
  }

  @Test
  @DisplayName("the README example compiles and does what its comments say")
  void readmeExample() {
    Clock clock = Clock.fixed(Instant.parse("2026-01-05T08:00:00Z"), ZoneOffset.UTC);
    ZoneId zone = ZoneId.of("Asia/Jerusalem");
    CustomerId customerId = CustomerId.of("C-1001");
    AgreementTerms terms = AgreementTerms.builder()
        .term(DateRange.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)))
        .currency(Currency.getInstance("ILS"))
        .addItems(AgreementItem.of(AgreementItemId.of("card"),
            Product.of("CARD-GOLD", "Gold credit card", ProductKind.PHYSICAL)))
        .addEntitlements(Entitlement.builder().id(EntitlementId.of("support")).serviceType("phone-support")
            .sla(SlaTarget.of(Duration.ofHours(4), Duration.ofHours(48))).build())
        .addCharges(Charge.builder().id(ChargeId.of("fee")).description("Monthly fee").basis(ChargeBasis.SERVICE)
            .amount(Money.of("9.90", "ILS")).periodicity(Periodicity.recurring(BillingFrequency.MONTHLY)).build())
        .addFees(Fee.of("second-card-fee", "Monthly fee per additional card", Money.of("15.00", "ILS")))
        .build();

    // README example begins
    ChangeContext ctx = ChangeContext.of(clock, Actor.agent("banker-17"), Channel.BRANCH, "account opening");
    Agreement agreement = Agreement.draft(AgreementId.of("AG-42"), customerId, ProviderId.of("bank"), zone, terms, ctx)
        .sign(Evidence.of(clock.instant(), Channel.BRANCH, EvidenceMethod.SIGNATURE, "DOC-88231"), ctx)
        .activate(ctx);

    EntitlementCheck support = agreement.checkEntitlement("phone-support", clock.instant());  // allowed, SLA 4h / 48h
    FeeAssessment fee = SecondCardFeeRule.of("second-card-fee", Set.of("CARD-GOLD"))
        .assess(agreement, LocalDate.now(clock));         // CHARGED, WAIVED or NOT_APPLICABLE, with the reason
    PaymentSchedule due = agreement.paymentSchedule(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 7, 1));
    // README example ends

    assertThat(agreement).isInStatus(AgreementStatus.ACTIVE);
    assertThat(support).isAllowed().hasSla(SlaTarget.of(Duration.ofHours(4), Duration.ofHours(48)));
    assertThat(fee).isNotApplicable();
    assertThat(due).hasItemCount(6).hasTotal(Money.of("59.40", "ILS"));
  }
}
