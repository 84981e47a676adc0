package io.cemkit.core;

import static io.cemkit.core.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SmokeTest {
  @Test
  void smoke() throws Exception {
    Agreement a = active()
        .orderAsset(AssetId.of("A-1"), CARD, ctx(2026, 1, 2))
        .deliverAsset(AssetId.of("A-1"), ctx(2026, 1, 5))
        .replaceAsset(AssetId.of("A-1"), AssetId.of("A-2"), FaultParty.PROVIDER, LocalDate.of(2026, 2, 15), ctx(2026, 1, 6))
        .deliverAsset(AssetId.of("A-2"), ctx(2026, 1, 20))
        .proposeAmendment(AmendmentId.of("AM-1"), termsBuilder().addCharges(monthlyFee("12.90")).build(), LocalDate.of(2026, 3, 1), Initiator.PROVIDER, ctx(2026, 1, 21))
        .acceptAmendment(AmendmentId.of("AM-1"), evidence(noon(2026, 1, 22)), ctx(2026, 1, 22))
        .recordUsage(EntitlementId.of("card-replacement"), 1, ctx(2026, 1, 23))
        .applyAmendment(AmendmentId.of("AM-1"), ctx(2026, 3, 1));
    ObjectMapper m = Cemkit.objectMapper();
    String json = m.writerWithDefaultPrettyPrinter().writeValueAsString(a);
    System.out.println(json.length());
    Agreement back = m.readValue(json, Agreement.class);
    assertThat(back).isEqualTo(a);
    System.out.println(a.paymentSchedule(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 1)).items());
    System.out.println(a.amendment(AmendmentId.of("AM-1")).get().changes());
    SecondCardFeeRule rule = SecondCardFeeRule.of("second-card-fee", java.util.Set.of("CARD-GOLD"), ils("15.00"));
    for (LocalDate d : new LocalDate[] {LocalDate.of(2026,1,10), LocalDate.of(2026,2,1), LocalDate.of(2026,3,1)}) {
      System.out.println(rule.assess(a, d));
    }
    System.out.println(Entitlements.check(a, "card-replacement", noon(2026, 3, 2)));
    System.out.println(Entitlements.check(a, "phone-support", noon(2026, 3, 2)).message());
    System.out.println(Agreement.lifecycle().toMarkdown());
    Customer c = Individual.builder().id(CUSTOMER).name(PersonalData.name("Dana Levi"))
        .addContactPoints(ContactPoint.of(Channel.EMAIL, PersonalData.email("dana.levi@example.com")))
        .addSegments(Segment.of("private")).build();
    String cj = m.writeValueAsString(c);
    System.out.println(cj + "\n" + c);
    assertThat(m.readValue(cj, Customer.class)).isEqualTo(c);
  }
}
