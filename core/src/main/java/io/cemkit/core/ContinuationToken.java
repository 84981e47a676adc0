package io.cemkit.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.cemkit.core.internal.Checks;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secret that lets a customer continue an action in another channel (the link in an SMS, the
 * code read out at the branch). It is unguessable (128 random bits), and {@code toString()} shows
 * only its first four characters, so it never leaks into logs.
 *
 * @param value the token, 16 to 128 URL-safe characters
 */
public record ContinuationToken(String value) {
  private static final SecureRandom RANDOM = random128();

  /** The kernel's non-blocking source where there is one (it never stalls a fresh VM), else the default. */
  private static SecureRandom random128() {
    try {
      return SecureRandom.getInstance("NativePRNGNonBlocking");
    } catch (java.security.NoSuchAlgorithmException e) {
      return new SecureRandom();
    }
  }

  /**
   * Validates the token.
   *
   * @param value the token
   * @throws IllegalArgumentException if it is not 16 to 128 URL-safe characters (the value is not
   *     quoted: it is a secret)
   */
  public ContinuationToken {
    java.util.Objects.requireNonNull(value, "ContinuationToken");
    Checks.check(value.length() >= 16 && value.length() <= 128 && value.chars().allMatch(c ->
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'),
        "ContinuationToken must be 16 to 128 URL-safe characters (letters, digits, - and _), had %d characters",
        value.length());
  }

  /**
   * A token from its text, e.g. read from a link.
   *
   * @param value the token
   * @return the token
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static ContinuationToken of(String value) {
    return new ContinuationToken(value);
  }

  /**
   * A new random token.
   *
   * @return 22 URL-safe characters carrying 128 random bits
   */
  public static ContinuationToken random() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return new ContinuationToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
  }

  /**
   * The token's text, for the link or message that carries it to the customer.
   *
   * @return the token
   */
  @JsonValue
  public String reveal() {
    return value;
  }

  /** The first four characters and {@code ***}. */
  @Override
  public String toString() {
    return value.substring(0, 4) + "***";
  }
}
