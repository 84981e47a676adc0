package io.cemkit.core.spi;

import io.cemkit.core.ChargeId;
import io.cemkit.core.DateRange;
import java.math.BigDecimal;

/**
 * Tells how much a customer consumed under a consumption charge in one service period, so that the
 * period can be rated (unit price × quantity, rounded half-even to the currency's scale).
 *
 * <p>Contract: return a quantity of zero or more for every period asked, in the charge's unit;
 * throw rather than guess when the reading is not available. A negative or null quantity makes the
 * schedule fail with {@link IllegalStateException} naming the charge and the period.
 */
@FunctionalInterface
public interface ConsumptionMeter {

  /**
   * The quantity consumed.
   *
   * @param charge the consumption charge
   * @param period the service period
   * @return the quantity, zero or more
   */
  BigDecimal quantity(ChargeId charge, DateRange period);

  /**
   * A meter for plans without consumption charges: it fails for any consumption charge, naming it,
   * so that a forgotten meter is never read as zero usage.
   *
   * @return the meter
   */
  static ConsumptionMeter none() {
    return (charge, period) -> {
      throw new IllegalStateException("Charge " + charge + " is billed on consumption; pass a ConsumptionMeter "
          + "to rate its period " + period);
    };
  }
}
