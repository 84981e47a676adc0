package io.cemkit.testkit;

import io.cemkit.core.Money;
import java.math.BigDecimal;
import org.assertj.core.api.AbstractAssert;

/** Assertions on {@link Money}. Obtain through {@link CemkitAssertions#assertThat(Money)}. */
public class MoneyAssert extends AbstractAssert<MoneyAssert, Money> {

  /**
   * Creates the assertion.
   *
   * @param actual the money
   */
  public MoneyAssert(Money actual) {
    super(actual, MoneyAssert.class);
  }

  /**
   * Verifies the amount and currency, e.g. {@code isEqualTo("9.90", "EUR")}.
   *
   * @param amount the expected amount as a decimal
   * @param currencyCode the expected ISO 4217 code
   * @return this assertion
   */
  public MoneyAssert isEqualTo(String amount, String currencyCode) {
    isNotNull();
    Money expected = Money.of(amount, currencyCode);
    if (!actual.equals(expected)) {
      failWithActualExpectedAndMessage(actual, expected, "Expected money to be %s but was %s", expected, actual);
    }
    return this;
  }

  /**
   * Verifies the amount, whatever the currency's scale ({@code "9.9"} matches {@code 9.90}).
   *
   * @param amount the expected amount
   * @return this assertion
   */
  public MoneyAssert hasAmount(String amount) {
    isNotNull();
    if (actual.amount().compareTo(new BigDecimal(amount)) != 0) {
      failWithMessage("Expected amount %s but was %s", amount, actual);
    }
    return this;
  }

  /**
   * Verifies the currency.
   *
   * @param currencyCode the expected ISO 4217 code
   * @return this assertion
   */
  public MoneyAssert isInCurrency(String currencyCode) {
    isNotNull();
    if (!actual.currency().getCurrencyCode().equals(currencyCode)) {
      failWithMessage("Expected money in %s but was %s", currencyCode, actual);
    }
    return this;
  }

  /**
   * Verifies the amount is zero.
   *
   * @return this assertion
   */
  public MoneyAssert isZero() {
    isNotNull();
    if (!actual.isZero()) {
      failWithMessage("Expected zero but was %s", actual);
    }
    return this;
  }

  /**
   * Verifies the amount is above zero.
   *
   * @return this assertion
   */
  public MoneyAssert isPositive() {
    isNotNull();
    if (actual.isZero() || actual.isNegative()) {
      failWithMessage("Expected a positive amount but was %s", actual);
    }
    return this;
  }

  /**
   * Verifies the amount is below zero.
   *
   * @return this assertion
   */
  public MoneyAssert isNegative() {
    isNotNull();
    if (!actual.isNegative()) {
      failWithMessage("Expected a negative amount but was %s", actual);
    }
    return this;
  }
}
