package io.cemkit.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.cemkit.core.internal.Checks;
import java.util.Objects;

/**
 * A piece of personal data (a name, an e-mail address, a phone number, a national id, free text
 * written by or about the customer) that must never leak into logs or error messages.
 *
 * <p>{@link #toString()} is always {@code ***}; validation messages describe what is wrong without
 * quoting the value. {@link #masked()} gives a recognisable but safe form for screens
 * ({@code j***@d***.com}, {@code +***-**-****567}, {@code D*** L***}); {@link #reveal()} returns the
 * value itself, for the code paths that really need it (sending the e-mail, printing the letter).
 *
 * <p>JSON holds the real value, {@code {"kind": "EMAIL", "value": "jane@example.com"}}, because
 * JSON is how hosts store it; treat serialized customers as personal data.
 */
public final class PersonalData {
  private static final String HIDDEN = "***";

  /** What a piece of personal data is; decides its validation and its mask. */
  public enum Kind {
    /** A person's name; masked as the initial of each word. */
    NAME,
    /** An e-mail address; masked as {@code j***@d***.com}. */
    EMAIL,
    /** A phone number; masked keeping only the last three digits. */
    PHONE,
    /** A national identity number; masked keeping only the last three characters (all of them when it has four or fewer). */
    NATIONAL_ID,
    /** A postal address; fully masked. */
    ADDRESS,
    /** Free text such as a note or a transcript; fully masked. */
    FREE_TEXT,
    /** Any other identifier (a social handle, a device id); fully masked. */
    OTHER
  }

  private final Kind kind;
  private final String value;

  private PersonalData(Kind kind, String value) {
    this.kind = Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(value, kind.name() + " value");
    Checks.check(!value.isBlank(), "PersonalData %s must not be blank", kind);
    int max = kind == Kind.FREE_TEXT ? 100_000 : 320;
    Checks.check(value.length() <= max, "PersonalData %s must be at most %d characters, was %d", kind, max,
        value.length());
    switch (kind) {
      case EMAIL:
        int at = value.indexOf('@');
        Checks.check(at > 0 && at == value.lastIndexOf('@') && at < value.length() - 1
                && value.chars().noneMatch(Character::isWhitespace),
            "PersonalData EMAIL is not an e-mail address: it needs one '@' between two non-empty parts "
                + "and no spaces");
        break;
      case PHONE:
        long digits = value.chars().filter(c -> c >= '0' && c <= '9').count();
        boolean charset = value.chars().allMatch(c -> (c >= '0' && c <= '9') || " ()./-".indexOf(c) >= 0)
            || (value.charAt(0) == '+' && value.substring(1).chars()
                .allMatch(c -> (c >= '0' && c <= '9') || " ()./-".indexOf(c) >= 0));
        Checks.check(charset && digits >= 5 && digits <= 15,
            "PersonalData PHONE is not a phone number: expected 5 to 15 digits, an optional leading '+' and "
                + "the separators space ( ) . / - (it has %d digits)", digits);
        break;
      default:
        break;
    }
    this.value = value;
  }

  /**
   * Personal data of the given kind.
   *
   * @param kind the kind
   * @param value the value
   * @return the wrapped value
   * @throws IllegalArgumentException if the value is blank, too long, or not valid for its kind (the
   *     message never quotes the value)
   */
  @JsonCreator
  public static PersonalData of(@JsonProperty("kind") Kind kind, @JsonProperty("value") String value) {
    return new PersonalData(kind, value);
  }

  /**
   * A person's name.
   *
   * @param value the name
   * @return the wrapped name
   */
  public static PersonalData name(String value) {
    return of(Kind.NAME, value);
  }

  /**
   * An e-mail address.
   *
   * @param value the address
   * @return the wrapped address
   */
  public static PersonalData email(String value) {
    return of(Kind.EMAIL, value);
  }

  /**
   * A phone number.
   *
   * @param value the number, e.g. {@code +972-54-1234567}
   * @return the wrapped number
   */
  public static PersonalData phone(String value) {
    return of(Kind.PHONE, value);
  }

  /**
   * A national identity number.
   *
   * @param value the number
   * @return the wrapped number
   */
  public static PersonalData nationalId(String value) {
    return of(Kind.NATIONAL_ID, value);
  }

  /**
   * A postal address.
   *
   * @param value the address
   * @return the wrapped address
   */
  public static PersonalData address(String value) {
    return of(Kind.ADDRESS, value);
  }

  /**
   * Free text about or by the customer.
   *
   * @param value the text
   * @return the wrapped text
   */
  public static PersonalData freeText(String value) {
    return of(Kind.FREE_TEXT, value);
  }

  /**
   * What this data is.
   *
   * @return the kind
   */
  @JsonProperty("kind")
  public Kind kind() {
    return kind;
  }

  /**
   * The value itself. Call it only where the value is needed to serve the customer, never to log.
   *
   * @return the value
   */
  public String reveal() {
    return value;
  }

  @JsonProperty("value")
  private String jsonValue() {
    return value;
  }

  /**
   * A masked form safe to show on screens: recognisable by the customer, useless to anyone else.
   *
   * @return the masked value
   */
  public String masked() {
    switch (kind) {
      case NAME:
        return maskWords(value);
      case EMAIL:
        return maskEmail(value);
      case PHONE:
        return maskAllButLast(value, 3, true);
      case NATIONAL_ID:
        return maskAllButLast(value, 3, false);
      default:
        return HIDDEN;
    }
  }

  private static String maskWords(String text) {
    StringBuilder out = new StringBuilder();
    for (String word : text.trim().split("\\s+")) {
      if (out.length() > 0) {
        out.append(' ');
      }
      out.appendCodePoint(word.codePointAt(0)).append(HIDDEN);
    }
    return out.toString();
  }

  private static String maskEmail(String email) {
    int at = email.indexOf('@');
    String domain = email.substring(at + 1);
    int dot = domain.lastIndexOf('.');
    String tld = dot > 0 ? domain.substring(dot) : "";
    return new StringBuilder().appendCodePoint(email.codePointAt(0)).append(HIDDEN).append('@')
        .appendCodePoint(domain.codePointAt(0)).append(HIDDEN).append(tld).toString();
  }

  private static String maskAllButLast(String text, int keep, boolean digitsOnly) {
    int countable = 0;
    for (int i = 0; i < text.length(); i++) {
      if (!digitsOnly || Character.isDigit(text.charAt(i))) {
        countable++;
      }
    }
    int toMask = Math.max(countable - keep, countable <= keep + 1 ? countable : 0);
    StringBuilder out = new StringBuilder(text.length());
    int seen = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean counts = !digitsOnly || Character.isDigit(c);
      if (counts && seen++ < toMask) {
        out.append('*');
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PersonalData && ((PersonalData) other).kind == kind
        && ((PersonalData) other).value.equals(value);
  }

  @Override
  public int hashCode() {
    return 31 * kind.hashCode() + value.hashCode();
  }

  /** Always {@code ***}: personal data never reaches a log through {@code toString()}. */
  @Override
  public String toString() {
    return HIDDEN;
  }
}
