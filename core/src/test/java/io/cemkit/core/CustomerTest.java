package io.cemkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CustomerTest {
  private static final CustomerId DANA_ID = CustomerId.of("C-1001");
  private static final CustomerId ACME_ID = CustomerId.of("C-2002");
  private static final Instant T1 = Instant.parse("2026-01-10T09:00:00Z");
  private static final Instant T2 = Instant.parse("2026-01-20T09:00:00Z");

  private static ContactPoint email(String address, boolean preferred) {
    return ContactPoint.builder().channel(Channel.EMAIL).address(PersonalData.email(address)).preferred(preferred)
        .build();
  }

  private static ConsentRecord consent(ConsentDecision decision, Channel channel, Instant at) {
    return ConsentRecord.builder().purpose(ConsentPurpose.MARKETING).channel(Optional.ofNullable(channel))
        .decision(decision).validFrom(at).recordedAt(at)
        .evidence(Evidence.of(at, Channel.WEB, EvidenceMethod.CLICKWRAP, "CLICK-1")).build();
  }

  private static Individual dana() {
    return Individual.builder().id(DANA_ID).name(PersonalData.name("Dana Levi")).build();
  }

  private static Business acme() {
    return Business.builder().id(ACME_ID).legalName("Acme Ltd").build();
  }

  private static BusinessContact contact(String name, String role, boolean primary) {
    return BusinessContact.builder().name(PersonalData.name(name)).role(role).primary(primary).build();
  }

  @Nested
  class IndividualCustomers {

    @Test
    @DisplayName("a minimal individual is ACTIVE with no segments, contact points or consents")
    void defaults() {
      Individual dana = dana();

      assertSoftly(s -> {
        s.assertThat(dana.id()).isEqualTo(DANA_ID);
        s.assertThat(dana.name()).isEqualTo(PersonalData.name("Dana Levi"));
        s.assertThat(dana.status()).isEqualTo(CustomerStatus.ACTIVE);
        s.assertThat(dana.consents()).isEqualTo(ConsentLedger.empty());
        s.assertThat(dana.consents().records()).isEmpty();
        s.assertThat(dana.segments()).isEmpty();
        s.assertThat(dana.contactPoints()).isEmpty();
        s.assertThat(dana.nationalId()).isEmpty();
        s.assertThat(dana.preferredLanguage()).isEmpty();
      });
    }

    @Test
    @DisplayName("status, language, national id and segments can be set")
    void fullIndividual() {
      Individual dana = Individual.builder().id(DANA_ID).name(PersonalData.name("Dana Levi"))
          .status(CustomerStatus.PROSPECT).nationalId(PersonalData.nationalId("123456782"))
          .preferredLanguage("he").addSegments(Segment.of("private"), Segment.of("young")).build();

      assertSoftly(s -> {
        s.assertThat(dana.status()).isEqualTo(CustomerStatus.PROSPECT);
        s.assertThat(dana.nationalId()).contains(PersonalData.nationalId("123456782"));
        s.assertThat(dana.preferredLanguage()).contains("he");
        s.assertThat(dana.segments()).containsExactlyInAnyOrder(Segment.of("private"), Segment.of("young"));
      });
    }

    @Test
    @DisplayName("displayName is the masked name")
    void displayName() {
      assertThat(dana().displayName()).isEqualTo("D*** L***");
      assertThat(Individual.builder().id(DANA_ID).name(PersonalData.name("דנה לוי")).build().displayName())
          .isEqualTo("ד*** ל***");
    }

    @Test
    @DisplayName("withConsent appends to the ledger and returns an Individual; the original is unchanged")
    void withConsentAppends() {
      ConsentRecord grant = consent(ConsentDecision.GRANTED, null, T1);
      ConsentRecord withdrawal = consent(ConsentDecision.WITHDRAWN, Channel.WHATSAPP, T2);
      Individual dana = dana();

      Individual once = dana.withConsent(grant);
      Individual twice = once.withConsent(withdrawal);

      assertThat(dana.consents().records()).isEmpty();
      assertThat(once.consents().records()).containsExactly(grant);
      assertThat(twice.consents().records()).containsExactly(grant, withdrawal);
      assertThat(twice.consents().allows(ConsentPurpose.MARKETING, Channel.EMAIL, T2)).isTrue();
      assertThat(twice.consents().allows(ConsentPurpose.MARKETING, Channel.WHATSAPP, T2)).isFalse();
      assertThat(twice.id()).isEqualTo(DANA_ID);
      assertThat(twice.name()).isEqualTo(dana.name());
    }

    @Test
    @DisplayName("withConsent keeps the ledger append-only")
    void withConsentAppendOnly() {
      Individual dana = dana().withConsent(consent(ConsentDecision.GRANTED, null, T2));

      assertThatThrownBy(() -> dana.withConsent(consent(ConsentDecision.WITHDRAWN, null, T1)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("append-only")
          .hasMessageContaining(T1.toString())
          .hasMessageContaining(T2.toString());
    }

    @Test
    @DisplayName("the name must be a NAME")
    void nameKind() {
      assertThatThrownBy(() -> Individual.builder().id(DANA_ID).name(PersonalData.email("dana@example.com")).build())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("Individual.name must be a NAME, was EMAIL")
          .hasMessageNotContaining("dana");
    }

    @Test
    @DisplayName("the national id must be a NATIONAL_ID")
    void nationalIdKind() {
      assertThatThrownBy(() -> Individual.builder().id(DANA_ID).name(PersonalData.name("Dana Levi"))
          .nationalId(PersonalData.phone("054-1234567")).build())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("Individual.nationalId must be a NATIONAL_ID, was PHONE")
          .hasMessageNotContaining("1234567");
    }

    @ParameterizedTest
    @ValueSource(strings = {"he", "en-GB", "zh-Hant-TW", "es-419", "de-CH-1996"})
    @DisplayName("BCP 47 language tags are accepted")
    void validLanguage(String tag) {
      Individual dana = Individual.builder().id(DANA_ID).name(PersonalData.name("Dana Levi"))
          .preferredLanguage(tag).build();

      assertThat(dana.preferredLanguage()).contains(tag);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en_GB", "e", "", "english please", "en-", "-en", "he-IL-", "123", "toolongtag"})
    @DisplayName("a bad language tag is rejected, quoting the tag")
    void badLanguage(String tag) {
      assertThatThrownBy(() -> Individual.builder().id(DANA_ID).name(PersonalData.name("Dana Levi"))
          .preferredLanguage(tag).build())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("Individual.preferredLanguage '" + tag + "' is not a BCP 47 language tag");
    }

    @Test
    @DisplayName("id and name are required")
    void required() {
      assertThatThrownBy(() -> Individual.builder().id(DANA_ID).build())
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("Cannot build Individual")
          .hasMessageContaining("[name]");
      assertThatThrownBy(() -> Individual.builder().name(PersonalData.name("Dana Levi")).build())
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("[id]");
    }
  }

  @Nested
  class BusinessCustomers {

    @Test
    @DisplayName("a minimal business is ACTIVE with no contacts, segments, contact points or consents")
    void defaults() {
      Business acme = acme();

      assertSoftly(s -> {
        s.assertThat(acme.id()).isEqualTo(ACME_ID);
        s.assertThat(acme.legalName()).isEqualTo("Acme Ltd");
        s.assertThat(acme.status()).isEqualTo(CustomerStatus.ACTIVE);
        s.assertThat(acme.consents()).isEqualTo(ConsentLedger.empty());
        s.assertThat(acme.contacts()).isEmpty();
        s.assertThat(acme.segments()).isEmpty();
        s.assertThat(acme.contactPoints()).isEmpty();
        s.assertThat(acme.taxId()).isEmpty();
      });
    }

    @Test
    @DisplayName("displayName is the legal name, not masked")
    void displayName() {
      assertThat(acme().displayName()).isEqualTo("Acme Ltd");
    }

    @Test
    @DisplayName("withConsent appends to the ledger and returns a Business")
    void withConsentAppends() {
      ConsentRecord grant = consent(ConsentDecision.GRANTED, Channel.EMAIL, T1);

      Business acme = acme().withConsent(grant);

      assertThat(acme.consents().records()).containsExactly(grant);
      assertThat(acme.legalName()).isEqualTo("Acme Ltd");
      assertThat(acme().consents().records()).isEmpty();
    }

    @Test
    @DisplayName("contacts(role) returns the contacts in that role, primary first")
    void contactsByRole() {
      BusinessContact billingA = contact("Avi Cohen", "billing", false);
      BusinessContact tech = contact("Ben Tal", "technical", false);
      BusinessContact billingPrimary = contact("Rina Mor", "billing", true);
      BusinessContact billingB = contact("Gil Ron", "billing", false);
      Business acme = Business.builder().id(ACME_ID).legalName("Acme Ltd")
          .addContacts(billingA, tech, billingPrimary, billingB).build();

      assertThat(acme.contacts("billing")).containsExactly(billingPrimary, billingA, billingB);
      assertThat(acme.contacts("technical")).containsExactly(tech);
      assertThat(acme.contacts("owner")).isEmpty();
      assertThat(acme.contacts()).containsExactly(billingA, tech, billingPrimary, billingB);
      assertThatThrownBy(() -> acme.contacts("billing").add(tech)).isInstanceOf(UnsupportedOperationException.class);
      assertThatNullPointerException().isThrownBy(() -> acme.contacts((String) null)).withMessage("role");
    }

    @Test
    @DisplayName("at most one primary contact")
    void twoPrimaries() {
      assertThatThrownBy(() -> Business.builder().id(ACME_ID).legalName("Acme Ltd")
          .addContacts(contact("Rina Mor", "billing", true), contact("Ben Tal", "technical", true)).build())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("Business C-2002 has more than one primary contact")
          .hasMessageNotContaining("Rina")
          .hasMessageNotContaining("Ben");
    }

    @Test
    @DisplayName("the tax id must be a code")
    void badTaxId() {
      assertThat(Business.builder().id(ACME_ID).legalName("Acme Ltd").taxId("IL-513456789").build().taxId())
          .contains("IL-513456789");
      assertThatThrownBy(() -> Business.builder().id(ACME_ID).legalName("Acme Ltd").taxId("51 345 6789").build())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("Business.taxId has an invalid character U+0020 at index 2 of 11; allowed are letters, "
              + "digits and - _ . : / (not first)");
      assertThatThrownBy(() -> Business.builder().id(ACME_ID).legalName("Acme Ltd").taxId("").build())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("Business.taxId must be 1 to 128 characters, was 0");
    }

    @Test
    @DisplayName("the legal name must be non-blank text of at most 256 characters")
    void badLegalName() {
      assertThatThrownBy(() -> Business.builder().id(ACME_ID).legalName("  ").build())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("Business.legalName must not be blank");
      assertThatThrownBy(() -> Business.builder().id(ACME_ID).legalName("A".repeat(257)).build())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("Business.legalName must be at most 256 characters, was 257");
    }

    @Test
    @DisplayName("a contact's name must be a NAME and its role a code")
    void contactValidation() {
      assertThatThrownBy(() -> BusinessContact.builder().name(PersonalData.email("rina@acme.example"))
          .role("billing").build())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("BusinessContact.name must be a NAME, was EMAIL")
          .hasMessageNotContaining("rina");
      assertThatThrownBy(() -> contact("Rina Mor", "head of billing", false))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("BusinessContact.role has an invalid character U+0020 at index 4 of 15");
      assertThat(contact("Rina Mor", "billing", false).primary()).isFalse();
    }
  }

  @Nested
  class SharedBehaviour {

    @Test
    @DisplayName("contactPoints(channel) filters by channel and puts preferred ones first, keeping order otherwise")
    void contactPointsByChannel() {
      ContactPoint work = email("dana@work.example", false);
      ContactPoint phone = ContactPoint.of(Channel.PHONE, PersonalData.phone("+972-54-1234567"));
      ContactPoint home = email("dana@home.example", true);
      ContactPoint old = email("dana@old.example", false);
      Customer dana = Individual.builder().id(DANA_ID).name(PersonalData.name("Dana Levi"))
          .addContactPoints(work, phone, home, old).build();

      assertThat(dana.contactPoints(Channel.EMAIL)).containsExactly(home, work, old);
      assertThat(dana.contactPoints(Channel.PHONE)).containsExactly(phone);
      assertThat(dana.contactPoints(Channel.WHATSAPP)).isEmpty();
      assertThat(dana.contactPoints()).containsExactly(work, phone, home, old);
      assertThatThrownBy(() -> dana.contactPoints(Channel.EMAIL).add(phone))
          .isInstanceOf(UnsupportedOperationException.class);
      assertThatNullPointerException().isThrownBy(() -> dana.contactPoints((Channel) null)).withMessage("channel");
    }

    @Test
    @DisplayName("contactPoints(channel) works the same for a business")
    void businessContactPoints() {
      ContactPoint general = email("info@acme.example", false);
      ContactPoint invoices = email("invoices@acme.example", true);
      Customer acme = Business.builder().id(ACME_ID).legalName("Acme Ltd").addContactPoints(general, invoices).build();

      assertThat(acme.contactPoints(Channel.EMAIL)).containsExactly(invoices, general);
    }

    @Test
    @DisplayName("isIn tells segment membership")
    void isIn() {
      Customer dana = Individual.builder().id(DANA_ID).name(PersonalData.name("Dana Levi"))
          .addSegments(Segment.of("private"), Segment.of("senior")).build();
      Customer acme = Business.builder().id(ACME_ID).legalName("Acme Ltd").addSegments(Segment.of("business")).build();

      assertThat(dana.isIn(Segment.of("private"))).isTrue();
      assertThat(dana.isIn(Segment.of("senior"))).isTrue();
      assertThat(dana.isIn(Segment.of("young"))).isFalse();
      assertThat(dana.isIn(Segment.of("business"))).isFalse();
      assertThat(acme.isIn(Segment.of("business"))).isTrue();
      assertThatNullPointerException().isThrownBy(() -> dana.isIn(null)).withMessage("segment");
    }

    @Test
    @DisplayName("segment codes are validated")
    void segmentCodes() {
      assertThat(Segment.of("young-adults").code()).isEqualTo("young-adults");
      assertThat(Segment.of("young-adults")).hasToString("young-adults");
      assertThatThrownBy(() -> Segment.of("young adults"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("Segment has an invalid character U+0020 at index 5 of 12");
    }

    @Test
    @DisplayName("toString of an individual shows none of its personal data")
    void individualToStringHidesPersonalData() {
      Individual dana = Individual.builder().id(DANA_ID).name(PersonalData.name("Dana Levi"))
          .nationalId(PersonalData.nationalId("302817465"))
          .addContactPoints(ContactPoint.of(Channel.EMAIL, PersonalData.email("dana.levi@example.com")))
          .addContactPoints(ContactPoint.of(Channel.WHATSAPP, PersonalData.phone("+972-54-9876543")))
          .addContactPoints(ContactPoint.of(Channel.LETTER, PersonalData.address("12 Herzl Street, Tel Aviv")))
          .build();

      String text = dana.toString();

      assertThat(text)
          .contains("C-1001")
          .doesNotContain("Dana")
          .doesNotContain("Levi")
          .doesNotContain("dana")
          .doesNotContain("example.com")
          .doesNotContain("9876543")
          .doesNotContain("54-98")
          .doesNotContain("302817465")
          .doesNotContain("465")
          .doesNotContain("Herzl");
      assertThat(String.valueOf(dana.contactPoints())).doesNotContain("dana").doesNotContain("9876543");
    }

    @Test
    @DisplayName("toString of a business shows its legal name but not its contacts' personal data")
    void businessToStringHidesContacts() {
      Business acme = Business.builder().id(ACME_ID).legalName("Acme Ltd")
          .addContacts(BusinessContact.builder().name(PersonalData.name("Rina Mor")).role("billing")
              .addContactPoints(ContactPoint.of(Channel.EMAIL, PersonalData.email("rina.mor@acme.example")))
              .build())
          .build();

      assertThat(acme.toString())
          .contains("Acme Ltd")
          .doesNotContain("Rina")
          .doesNotContain("Mor")
          .doesNotContain("rina.mor");
    }
  }
}
