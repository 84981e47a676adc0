package io.cemkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PersonalDataTest {

  /** A valid value of every kind; each is distinctive so that a leak is easy to spot. */
  static String sample(PersonalData.Kind kind) {
    switch (kind) {
      case NAME:
        return "Dana Levi";
      case EMAIL:
        return "dana.levi@example.com";
      case PHONE:
        return "+972-54-1234567";
      case NATIONAL_ID:
        return "123456782";
      case ADDRESS:
        return "12 Herzl Street, Tel Aviv";
      case FREE_TEXT:
        return "Customer said she is moving abroad";
      case OTHER:
        return "@dana_levi";
      default:
        throw new AssertionError(kind);
    }
  }

  // ------------------------------------------------------------------ toString / reveal / kind

  @ParameterizedTest
  @EnumSource(PersonalData.Kind.class)
  @DisplayName("toString() is *** for every kind")
  void toStringIsAlwaysHidden(PersonalData.Kind kind) {
    PersonalData data = PersonalData.of(kind, sample(kind));

    assertThat(data.toString()).isEqualTo("***");
    assertThat(String.valueOf(data)).isEqualTo("***");
    assertThat("value: " + data).isEqualTo("value: ***");
  }

  @ParameterizedTest
  @EnumSource(PersonalData.Kind.class)
  @DisplayName("reveal() returns the value itself and kind() the kind")
  void revealReturnsTheValue(PersonalData.Kind kind) {
    PersonalData data = PersonalData.of(kind, sample(kind));

    assertThat(data.reveal()).isEqualTo(sample(kind));
    assertThat(data.kind()).isEqualTo(kind);
  }

  @Test
  @DisplayName("the named factories create the matching kind")
  void factoriesSetTheKind() {
    assertThat(PersonalData.name("Dana Levi").kind()).isEqualTo(PersonalData.Kind.NAME);
    assertThat(PersonalData.email("dana@example.com").kind()).isEqualTo(PersonalData.Kind.EMAIL);
    assertThat(PersonalData.phone("+972-54-1234567").kind()).isEqualTo(PersonalData.Kind.PHONE);
    assertThat(PersonalData.nationalId("123456782").kind()).isEqualTo(PersonalData.Kind.NATIONAL_ID);
    assertThat(PersonalData.address("12 Herzl Street").kind()).isEqualTo(PersonalData.Kind.ADDRESS);
    assertThat(PersonalData.freeText("a note").kind()).isEqualTo(PersonalData.Kind.FREE_TEXT);
  }

  // ------------------------------------------------------------------ masked

  static Stream<Arguments> masks() {
    return Stream.of(
        Arguments.of(PersonalData.name("Dana Levi"), "D*** L***"),
        Arguments.of(PersonalData.name("Madonna"), "M***"),
        Arguments.of(PersonalData.name("Anna Maria Schmidt"), "A*** M*** S***"),
        Arguments.of(PersonalData.name("  Dana   Levi  "), "D*** L***"),
        Arguments.of(PersonalData.name("דנה לוי"), "ד*** ל***"),
        Arguments.of(PersonalData.name("\uD835\uDD04lice Smith"), "\uD835\uDD04*** S***"),
        Arguments.of(PersonalData.email("john@doe.com"), "j***@d***.com"),
        Arguments.of(PersonalData.email("dana.levi@example.com"), "d***@e***.com"),
        Arguments.of(PersonalData.email("dana@mail.example.co.il"), "d***@m***.il"),
        Arguments.of(PersonalData.email("root@localhost"), "r***@l***"),
        Arguments.of(PersonalData.phone("+972-54-1234567"), "+***-**-****567"),
        Arguments.of(PersonalData.phone("(03) 555 1234"), "(**) *** *234"),
        Arguments.of(PersonalData.phone("12345"), "**345"),
        Arguments.of(PersonalData.phone("054.123.4567"), "***.***.*567"),
        Arguments.of(PersonalData.nationalId("123456782"), "******782"),
        Arguments.of(PersonalData.nationalId("AB-1234567"), "*******567"),
        Arguments.of(PersonalData.nationalId("1234"), "****"),
        Arguments.of(PersonalData.nationalId("123"), "***"),
        Arguments.of(PersonalData.email("a@.com"), "a***@.***"),
        Arguments.of(PersonalData.address("12 Herzl Street, Tel Aviv"), "***"),
        Arguments.of(PersonalData.freeText("Customer said she is moving abroad"), "***"),
        Arguments.of(PersonalData.of(PersonalData.Kind.OTHER, "@dana_levi"), "***"));
  }

  @ParameterizedTest(name = "{index}: {1}")
  @MethodSource("masks")
  @DisplayName("masked() keeps the documented recognisable part only")
  void masked(PersonalData data, String expected) {
    assertThat(data.masked()).isEqualTo(expected);
  }

  @Test
  @DisplayName("the masked phone keeps every separator and exactly the last three digits")
  void maskedPhoneKeepsSeparatorsAndLastThreeDigits() {
    String masked = PersonalData.phone("+1 (212) 555-0199").masked();

    assertThat(masked).isEqualTo("+* (***) ***-*199");
    assertThat(masked.chars().filter(Character::isDigit).count()).isEqualTo(3);
    assertThat(masked).hasSameSizeAs("+1 (212) 555-0199");
  }

  // ------------------------------------------------------------------ validation

  @ParameterizedTest
  @EnumSource(PersonalData.Kind.class)
  @DisplayName("an empty value is rejected for every kind")
  void emptyRejected(PersonalData.Kind kind) {
    assertThatThrownBy(() -> PersonalData.of(kind, ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("PersonalData " + kind + " must not be blank");
  }

  @ParameterizedTest
  @EnumSource(PersonalData.Kind.class)
  @DisplayName("a blank value is rejected for every kind, without quoting it")
  void blankRejected(PersonalData.Kind kind) {
    String blank = " \t  \n ";
    assertThatThrownBy(() -> PersonalData.of(kind, blank))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("PersonalData " + kind + " must not be blank")
        .hasMessageNotContaining(blank);
  }

  @ParameterizedTest
  @EnumSource(value = PersonalData.Kind.class, names = {"NAME", "NATIONAL_ID", "ADDRESS", "OTHER"})
  @DisplayName("values up to 320 characters are accepted, longer ones rejected without quoting them")
  void lengthLimit(PersonalData.Kind kind) {
    String max = "Q".repeat(320);
    String tooLong = "Q".repeat(321);

    assertThat(PersonalData.of(kind, max).reveal()).isEqualTo(max);
    assertThatThrownBy(() -> PersonalData.of(kind, tooLong))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("PersonalData " + kind + " must be at most 320 characters, was 321")
        .hasMessageNotContaining("QQQ");
  }

  @Test
  @DisplayName("free text may be up to 100000 characters")
  void freeTextLengthLimit() {
    String max = "w".repeat(100_000);

    assertThat(PersonalData.freeText(max).reveal()).hasSize(100_000);
    assertThatThrownBy(() -> PersonalData.freeText(max + "w"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("PersonalData FREE_TEXT must be at most 100000 characters, was 100001")
        .hasMessageNotContaining("www");
  }

  @Test
  @DisplayName("an over-long e-mail is rejected for its length")
  void overLongEmail() {
    String local = "secretlocal".repeat(30);
    String email = local + "@example.com";

    assertThat(email.length()).isGreaterThan(320);
    assertThatThrownBy(() -> PersonalData.email(email))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("PersonalData EMAIL must be at most 320 characters, was " + email.length())
        .hasMessageNotContaining("secretlocal");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "dana.secret.example.com",
      "dana@@secret.example.com",
      "dana@secret@example.com",
      "dana secret@example.com",
      "dana@secret example.com",
      "dana@secret.example.com ",
      "\tdana@secret.example.com",
      "@secret.example.com",
      "danasecret@",
      "@@"})
  @DisplayName("an e-mail needs exactly one '@' between non-empty parts and no spaces; the message never quotes it")
  void invalidEmail(String value) {
    assertThatThrownBy(() -> PersonalData.email(value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("PersonalData EMAIL is not an e-mail address: it needs one '@' between two non-empty parts "
            + "and no spaces")
        .hasMessageNotContaining(value.trim())
        .hasMessageNotContaining("dana")
        .hasMessageNotContaining("secret");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a@b", "dana.levi+tag@example.com", "DANA@EXAMPLE.COM", "x@localhost"})
  @DisplayName("well-formed e-mail addresses are accepted as they are")
  void validEmail(String value) {
    assertThat(PersonalData.email(value).reveal()).isEqualTo(value);
  }

  static Stream<Arguments> invalidPhones() {
    return Stream.of(
        Arguments.of("+972-54-CALLME", 5),
        Arguments.of("054-123x4567", 10),
        Arguments.of("1234", 4),
        Arguments.of("+1 (2) 3-4", 4),
        Arguments.of("1234567890123456", 16),
        Arguments.of("+1234-5678-9012-3456", 16),
        Arguments.of("972+541234567", 12),
        Arguments.of("++972541234567", 12),
        Arguments.of("054_1234567", 10),
        Arguments.of("054,1234567", 10),
        Arguments.of("+()", 0));
  }

  @ParameterizedTest(name = "{index}: {1} digits")
  @MethodSource("invalidPhones")
  @DisplayName("a phone needs 5 to 15 digits, an optional leading '+' and the allowed separators; the message "
      + "never quotes it")
  void invalidPhone(String value, int digits) {
    assertThatThrownBy(() -> PersonalData.phone(value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("PersonalData PHONE is not a phone number: expected 5 to 15 digits, an optional leading '+' and "
            + "the separators space ( ) . / - (it has " + digits + " digits)")
        .hasMessageNotContaining(value)
        .hasMessageNotContaining("CALLME")
        .hasMessageNotContaining("1234");
  }

  @ParameterizedTest
  @ValueSource(strings = {"12345", "123456789012345", "+972 (54) 123.45/67", "+12345", "(03) 555-1234"})
  @DisplayName("phones with 5 to 15 digits and allowed separators are accepted")
  void validPhone(String value) {
    assertThat(PersonalData.phone(value).reveal()).isEqualTo(value);
  }

  @Test
  @DisplayName("null kind or value is rejected naming the parameter, never the value")
  void nulls() {
    assertThatNullPointerException().isThrownBy(() -> PersonalData.of(null, "Dana Levi"))
        .withMessage("kind");
    assertThatNullPointerException().isThrownBy(() -> PersonalData.email(null))
        .withMessage("EMAIL value");
  }

  @Test
  @DisplayName("no kind validates an e-mail or a phone format on a name or a national id")
  void otherKindsOnlyCheckBlankAndLength() {
    assertThat(PersonalData.name("O'Brien-Smith, Jr.").reveal()).isEqualTo("O'Brien-Smith, Jr.");
    assertThat(PersonalData.nationalId("AB 12/34").reveal()).isEqualTo("AB 12/34");
  }

  // ------------------------------------------------------------------ equality

  @Test
  @DisplayName("equals and hashCode go by kind and value")
  void equality() {
    PersonalData a = PersonalData.name("Dana Levi");
    PersonalData same = PersonalData.of(PersonalData.Kind.NAME, "Dana Levi");
    PersonalData otherValue = PersonalData.name("Dana Levy");
    PersonalData otherKind = PersonalData.freeText("Dana Levi");

    assertThat(a).isEqualTo(same);
    assertThat(a).hasSameHashCodeAs(same);
    assertThat(a).isNotEqualTo(otherValue);
    assertThat(a).isNotEqualTo(otherKind);
    assertThat(a).isNotEqualTo("Dana Levi");
    assertThat(a.equals(null)).isFalse();
    assertThat(a).isEqualTo(a);
  }

  @Test
  @DisplayName("values differing only in case are different personal data")
  void caseSensitive() {
    assertThat(PersonalData.email("dana@example.com")).isNotEqualTo(PersonalData.email("Dana@example.com"));
  }
}
