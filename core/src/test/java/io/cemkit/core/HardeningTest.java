package io.cemkit.core;

import static io.cemkit.core.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.jsontype.BasicPolymorphicTypeValidator;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Hostile or careless input: huge numbers, forged typing, personal data in free text. */
class HardeningTest {
  static final ObjectMapper MAPPER = Cemkit.objectMapper();

  @Test
  @Timeout(value = 10, unit = TimeUnit.SECONDS) // a guard against hangs, not a performance assertion
  @DisplayName("tiny and huge money amounts are refused at once, with a short message")
  void extremeMoney() {
    assertThatThrownBy(() -> MAPPER.readValue("{\"amount\":1e-50000000,\"currency\":\"EUR\"}", Money.class))
        .isInstanceOf(JsonMappingException.class)
        .hasMessageContaining("Money amount 1E-50000000 has more decimal places than EUR allows (2)")
        .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(1000));
    assertThatThrownBy(() -> MAPPER.readValue("{\"amount\":1e2000000,\"currency\":\"EUR\"}", Money.class))
        .isInstanceOf(JsonMappingException.class)
        .hasMessageContaining("Money amount 1E+2000000 has more than 30 integer digits");
    assertThat(Money.ofRounded(new BigDecimal("1e-50000000"), ILS, RoundingMode.UP)).isEqualTo(ils("0.01"));
    assertThat(Money.ofRounded(new BigDecimal("-1e-50000000"), ILS, RoundingMode.HALF_EVEN)).isEqualTo(ils("0.00"));
    assertThat(Money.of("9.90000000000000000000", "ILS")).isEqualTo(ils("9.90"));
    assertThat(Money.of("999999999999999999999999999999", "ILS").amount().precision()).isEqualTo(32);
  }

  @Test
  @DisplayName("a host mapper's default typing is turned off in cemkit's copy")
  void hostDefaultTypingOff() throws Exception {
    ObjectMapper host = new ObjectMapper();
    host.activateDefaultTyping(BasicPolymorphicTypeValidator.builder().allowIfBaseType(Object.class).build(),
        ObjectMapper.DefaultTyping.NON_FINAL);
    ObjectMapper copy = Cemkit.objectMapper(host);
    assertThat(copy.writeValueAsString(ils("1.00"))).isEqualTo("{\"amount\":1.00,\"currency\":\"ILS\"}");
    assertThat(host.writeValueAsString(new java.util.ArrayList<>(List.of(1)))).as("the host mapper is unchanged").contains("java.util");
  }

  @Test
  @DisplayName("dates are read only from ISO text, not arrays or numbers")
  void datesAreText() {
    assertThatThrownBy(() -> MAPPER.readValue("{\"start\":[2026,1,1]}", DateRange.class))
        .isInstanceOf(MismatchedInputException.class)
        .hasMessageContaining("expected ISO-8601 text for LocalDate");
  }

  @Test
  @DisplayName("free-text reasons never appear in toString")
  void reasonsNotInToString() {
    String secret = "Dana Levi asked, id 123456789";
    ChangeContext ctx = ChangeContext.of(clockAt(noon(2026, 2, 1)), AGENT, Channel.PHONE, secret);
    Agreement a = active().suspend(ctx)
        .proposeAmendment(AmendmentId.of("AM-1"), termsBuilder().addCharges(monthlyFee("12.90")).build(),
            LocalDate.of(2026, 3, 1), Initiator.CUSTOMER, ChangeContext.of(clockAt(noon(2026, 2, 2)), AGENT,
                Channel.PHONE, secret));
    assertThat(ctx.toString()).isEqualTo("ChangeContext[2026-02-01T10:00:00Z, AGENT:a-17, PHONE]");
    assertThat(a.events().get(3).toString()).isEqualTo("AgreementEvent[4 SUSPENDED at 2026-02-01T10:00:00Z by "
        + "AGENT:a-17 via PHONE, SUSPENDED, version 1]");
    assertThat(a.amendments().get(0).toString()).isEqualTo("Amendment[AM-1, PROPOSED, base version 1, effective "
        + "2026-03-01]");
    assertThat(a.toString() + a.events() + a.amendments()).doesNotContain("Dana", "123456789");
  }

  @Test
  @DisplayName("the consent text lists every change, including the SLA calendar and the product's nature")
  void diffIsComplete() {
    Entitlement aroundTheClock = support();
    Entitlement officeHours = ImmutableEntitlement.copyOf(aroundTheClock)
        .withSla(SlaTarget.of(Duration.ofHours(4), Duration.ofDays(2), "office-hours"));
    AgreementTerms changed = ImmutableAgreementTerms.copyOf(terms())
        .withEntitlements(officeHours, cardReplacements(2));
    Agreement a = active().proposeAmendment(AmendmentId.of("AM-1"), changed, LocalDate.of(2026, 3, 1),
        Initiator.PROVIDER, ctx(2026, 2, 1));
    assertThat(a.amendment(AmendmentId.of("AM-1")).orElseThrow().changes()).containsExactly(
        "entitlement support SLA: first response PT4H, resolution PT48H around the clock → first response PT4H, "
            + "resolution PT48H on calendar office-hours");
    AgreementTerms installed = ImmutableAgreementTerms.copyOf(terms()).withItems(
        AgreementItem.of(ACCOUNT, Product.of("CHECKING", "Checking account", ProductKind.SERVICE)),
        AgreementItem.of(CARD, CARD_PRODUCT), AgreementItem.of(ROUTER, Product.of("ROUTER-X", "Fibre router",
            ProductKind.PHYSICAL)));
    Agreement b = active().proposeAmendment(AmendmentId.of("AM-2"), installed, LocalDate.of(2026, 3, 1),
        Initiator.PROVIDER, ctx(2026, 2, 1));
    assertThat(b.amendment(AmendmentId.of("AM-2")).orElseThrow().changes()).containsExactly(
        "item router product: ROUTER-X (Fibre router, PHYSICAL, installed) → ROUTER-X (Fibre router, PHYSICAL)");
  }
}
