package io.cemkit.core.internal;

import java.util.Collection;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Argument checks that produce the messages cemkit promises: the field, the offending value and
 * what was expected. Not supported API.
 */
public final class Checks {
  private static final int MAX_CODE_LENGTH = 128;

  private Checks() {}

  /**
   * Throws {@link IllegalArgumentException} with a formatted message unless {@code condition} holds.
   *
   * @param condition the condition that must hold
   * @param format a {@link String#format} pattern
   * @param args the pattern's arguments
   */
  public static void check(boolean condition, String format, Object... args) {
    if (!condition) {
      throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, format, args));
    }
  }

  /**
   * Requires a non-blank text of at most {@code max} characters without control characters.
   *
   * @param field the field name used in the message
   * @param value the value
   * @param max the maximum length
   * @return the value
   */
  public static String text(String field, String value, int max) {
    Objects.requireNonNull(value, field);
    check(!value.isBlank(), "%s must not be blank", field);
    check(value.length() <= max, "%s must be at most %d characters, was %d", field, max, value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c) && c != '\n' && c != '\t' && c != '\r') {
        throw new IllegalArgumentException(
            String.format(java.util.Locale.ROOT, "%s must not contain control characters (found U+%04X at index %d)",
                field, (int) c, i));
      }
    }
    return value;
  }

  /**
   * Requires a code: 1 to 128 characters of letters, digits and {@code - _ . : /}, starting with a
   * letter or digit. The message names the field, the length and the offending character, never the
   * value: a mistyped id may be personal data.
   *
   * @param field the field name used in the message
   * @param value the value
   * @return the value
   */
  public static String code(String field, String value) {
    Objects.requireNonNull(value, field);
    // The value is not quoted: a mistyped id may be an e-mail address or a phone number.
    check(!value.isEmpty() && value.length() <= MAX_CODE_LENGTH,
        "%s must be 1 to %d characters, was %d", field, MAX_CODE_LENGTH, value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || (i > 0 && (c == '-' || c == '_' || c == '.' || c == ':' || c == '/'));
      if (!ok) {
        throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
            "%s has an invalid character %s at index %d of %d; allowed are letters, digits and - _ . : / "
                + "(not first)", field, describe(c), i, value.length()));
      }
    }
    return value;
  }

  /**
   * Requires {@code value >= min}.
   *
   * @param field the field name used in the message
   * @param value the value
   * @param min the smallest allowed value
   * @return the value
   */
  public static int atLeast(String field, int value, int min) {
    check(value >= min, "%s must be at least %d, was %d", field, min, value);
    return value;
  }

  /**
   * Requires the keys extracted from {@code items} to be unique.
   *
   * @param what the collection's name used in the message
   * @param items the items
   * @param key extracts each item's key
   * @param <T> the item type
   */
  public static <T> void unique(String what, Collection<T> items, Function<T, ?> key) {
    Set<Object> seen = new HashSet<>();
    for (T item : items) {
      Object k = key.apply(item);
      check(seen.add(k), "%s contain the id '%s' more than once", what, k);
    }
  }

  private static String describe(char c) {
    return c >= 0x21 && c <= 0x7e ? "'" + c + "'" : String.format(java.util.Locale.ROOT, "U+%04X", (int) c);
  }

  /**
   * Shortens a value for an error message.
   *
   * @param value the value
   * @return at most 64 characters of the value
   */
  public static String abbreviate(String value) {
    return value.length() <= 64 ? value : value.substring(0, 61) + "...";
  }
}
