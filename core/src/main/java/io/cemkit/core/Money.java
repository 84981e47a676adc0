package io.cemkit.core;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.cemkit.core.internal.Checks;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import org.immutables.value.Value;

/**
 * An exact amount of money in one currency.
 *
 * <p>The amount always has the currency's scale ({@code 9.9 EUR} is held as {@code 9.90}); an amount
 * with more decimal places than the currency allows is rejected rather than rounded, unless the
 * caller asks for rounding with {@link #ofRounded}. Arithmetic never mixes currencies: adding EUR to
 * USD throws {@link IllegalArgumentException}. Amounts may be negative (credits, refunds); the
 * domain types that must not hold negative amounts (charges, fees) check that themselves. Amounts
 * have at most {@value #MAX_INTEGER_DIGITS} digits before the decimal point.
 *
 * <p>JSON: {@code {"amount": 9.90, "currency": "EUR"}}, the amount written as a plain decimal.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableMoney.class)
@JsonDeserialize(as = ImmutableMoney.class)
public abstract class Money implements Comparable<Money> {
  /** The largest number of digits before the decimal point: 10^30 of any currency is enough. */
  public static final int MAX_INTEGER_DIGITS = 30;

  Money() {}

  /**
   * The amount, with exactly the currency's number of fraction digits.
   *
   * @return the amount
   */
  @Value.Parameter
  public abstract BigDecimal amount();

  /**
   * The currency.
   *
   * @return the currency
   */
  @Value.Parameter
  public abstract Currency currency();

  /**
   * Money of an exact amount.
   *
   * @param amount the amount; at most the currency's fraction digits
   * @param currency the currency; must have a minor unit definition (not XXX)
   * @return the money
   * @throws IllegalArgumentException if the amount has more decimal places than the currency allows
   */
  public static Money of(BigDecimal amount, Currency currency) {
    return ImmutableMoney.of(amount, currency);
  }

  /**
   * Money from text, e.g. {@code Money.of("9.90", "EUR")}.
   *
   * @param amount a decimal number
   * @param currencyCode an ISO 4217 code
   * @return the money
   * @throws IllegalArgumentException if the amount is not a number, the code unknown, or the amount
   *     has more decimal places than the currency allows
   */
  public static Money of(String amount, String currencyCode) {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(currencyCode, "currencyCode");
    BigDecimal value;
    try {
      value = new BigDecimal(amount.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Money amount '" + Checks.abbreviate(amount) + "' is not a decimal number", e);
    }
    return of(value, currency(currencyCode));
  }

  /**
   * Zero in the given currency.
   *
   * @param currency the currency
   * @return zero
   */
  public static Money zero(Currency currency) {
    return of(BigDecimal.ZERO, currency);
  }

  /**
   * Money of an amount rounded to the currency's scale.
   *
   * @param amount any amount
   * @param currency the currency
   * @param rounding how to round
   * @return the rounded money
   */
  public static Money ofRounded(BigDecimal amount, Currency currency, RoundingMode rounding) {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(rounding, "rounding");
    Checks.check((long) amount.precision() - amount.scale() <= MAX_INTEGER_DIGITS,
        "Money amount %s has more than %d integer digits", Checks.abbreviate(amount.toString()), MAX_INTEGER_DIGITS);
    int digits = fractionDigits(currency);
    BigDecimal value = amount;
    if ((long) amount.scale() - amount.precision() > digits + 2L) {
      // Below a hundredth of a minor unit every such value rounds alike; rounding a small stand-in of
      // the same sign avoids dividing by 10^scale for inputs like 1e-50000000.
      value = BigDecimal.valueOf(amount.signum(), digits + 2);
    }
    return of(value.setScale(digits, rounding), currency);
  }

  /**
   * Looks up an ISO 4217 currency.
   *
   * @param code the code, e.g. {@code "EUR"}
   * @return the currency
   * @throws IllegalArgumentException if the code is unknown
   */
  public static Currency currency(String code) {
    Objects.requireNonNull(code, "currencyCode");
    try {
      return Currency.getInstance(code);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Unknown ISO 4217 currency code '" + Checks.abbreviate(code) + "'", e);
    }
  }

  private static int fractionDigits(Currency currency) {
    Objects.requireNonNull(currency, "currency");
    int digits = currency.getDefaultFractionDigits();
    Checks.check(digits >= 0, "Currency %s has no minor unit and cannot hold money amounts",
        currency.getCurrencyCode());
    return digits;
  }

  /**
   * Brings the amount to the currency's scale; rejects amounts that would need rounding and amounts
   * with more than {@value #MAX_INTEGER_DIGITS} integer digits. The checks run on the number's
   * precision and scale before any arithmetic, so an input like {@code 1e-50000000} fails at once.
   *
   * @return this, or an equal instance with the normalised scale
   */
  @Value.Check
  protected Money normalize() {
    int digits = fractionDigits(currency());
    BigDecimal amount = amount();
    if (amount.scale() == digits) {
      return this;
    }
    Checks.check((long) amount.precision() - amount.scale() <= MAX_INTEGER_DIGITS,
        "Money amount %s has more than %d integer digits", Checks.abbreviate(amount.toString()), MAX_INTEGER_DIGITS);
    if (amount.scale() > digits) {
      BigDecimal stripped = amount.signum() == 0 ? BigDecimal.ZERO : amount.stripTrailingZeros();
      Checks.check(stripped.scale() <= digits, "Money amount %s has more decimal places than %s allows (%d); round it "
          + "explicitly with Money.ofRounded", Checks.abbreviate(amount.toString()), currency().getCurrencyCode(),
          digits);
      amount = stripped;
    }
    return ImmutableMoney.of(amount.setScale(digits, RoundingMode.UNNECESSARY), currency());
  }

  /**
   * The sum of this and {@code other}.
   *
   * @param other money in the same currency
   * @return the sum
   * @throws IllegalArgumentException if the currencies differ
   */
  public Money plus(Money other) {
    requireSameCurrency(other, "add");
    return of(amount().add(other.amount()), currency());
  }

  /**
   * This minus {@code other}.
   *
   * @param other money in the same currency
   * @return the difference
   * @throws IllegalArgumentException if the currencies differ
   */
  public Money minus(Money other) {
    requireSameCurrency(other, "subtract");
    return of(amount().subtract(other.amount()), currency());
  }

  /**
   * This amount multiplied by a whole number.
   *
   * @param factor the factor
   * @return the product
   */
  public Money times(long factor) {
    return of(amount().multiply(BigDecimal.valueOf(factor)), currency());
  }

  /**
   * This amount multiplied by a decimal factor, rounded to the currency's scale.
   *
   * @param factor the factor, e.g. a consumed quantity
   * @param rounding how to round the product
   * @return the product
   */
  public Money times(BigDecimal factor, RoundingMode rounding) {
    Objects.requireNonNull(factor, "factor");
    return ofRounded(amount().multiply(factor), currency(), rounding);
  }

  /**
   * The negated amount.
   *
   * @return {@code -this}
   */
  public Money negate() {
    return of(amount().negate(), currency());
  }

  /**
   * Splits this amount into {@code parts} amounts that differ by at most one minor unit and sum
   * exactly to this amount; the first parts take the remainder ({@code 100.00} in 3 parts is
   * {@code 33.34, 33.33, 33.33}).
   *
   * @param parts how many parts, at least 1
   * @return the parts, in order
   */
  public List<Money> allocate(int parts) {
    Checks.atLeast("parts", parts, 1);
    BigInteger units = amount().unscaledValue();
    BigInteger[] quotientAndRemainder = units.abs().divideAndRemainder(BigInteger.valueOf(parts));
    int remainder = quotientAndRemainder[1].intValueExact();
    List<Money> result = new ArrayList<>(parts);
    for (int i = 0; i < parts; i++) {
      BigInteger part = i < remainder ? quotientAndRemainder[0].add(BigInteger.ONE) : quotientAndRemainder[0];
      result.add(of(new BigDecimal(units.signum() < 0 ? part.negate() : part, amount().scale()), currency()));
    }
    return Collections.unmodifiableList(result);
  }

  /**
   * Whether the amount is zero.
   *
   * @return true for zero
   */
  public boolean isZero() {
    return amount().signum() == 0;
  }

  /**
   * Whether the amount is below zero.
   *
   * @return true for a negative amount
   */
  public boolean isNegative() {
    return amount().signum() < 0;
  }

  /**
   * Compares amounts in the same currency.
   *
   * @throws IllegalArgumentException if the currencies differ
   */
  @Override
  public int compareTo(Money other) {
    requireSameCurrency(other, "compare");
    return amount().compareTo(other.amount());
  }

  private void requireSameCurrency(Money other, String operation) {
    Objects.requireNonNull(other, "other");
    Checks.check(currency().equals(other.currency()), "Cannot %s %s and %s: currencies differ", operation,
        this, other);
  }

  /** The amount and the currency code, e.g. {@code 9.90 EUR}. */
  @Override
  public String toString() {
    return amount().toPlainString() + " " + currency().getCurrencyCode();
  }
}
