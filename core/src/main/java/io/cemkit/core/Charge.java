package io.cemkit.core;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.cemkit.core.internal.Checks;
import java.time.LocalDate;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A payment obligation of the customer: what it pays for ({@link ChargeBasis}), how often
 * ({@link Periodicity}), how much, and when each occurrence is due ({@link DueRule}).
 *
 * <ul>
 *   <li>One-time: {@link #amount()} once, on the service period {@code [start, start + 1 day)}.
 *   <li>Installments: {@link #amount()} is the total, split into equal parts that differ by at most
 *       one minor unit and sum exactly to the total.
 *   <li>Recurring: {@link #amount()} every period.
 *   <li>Consumption: {@link #amount()} is the price per {@link #unit()}; each recurring period is
 *       rated by a {@link io.cemkit.core.spi.ConsumptionMeter}.
 * </ul>
 *
 * <p>The first service period starts on {@link #start()}; without one, on the first day of the
 * agreement version that introduced the charge (the term's first day for the original terms). A
 * charge carried into renewed or amended versions keeps that start, so its occurrences continue
 * (a renewal does not restart installments or occurrence limits).
 */
@Value.Immutable
@JsonSerialize(as = ImmutableCharge.class)
@JsonDeserialize(as = ImmutableCharge.class)
public abstract class Charge {
  Charge() {}

  /**
   * The charge's id within the agreement.
   *
   * @return the id
   */
  public abstract ChargeId id();

  /**
   * A description for invoices and statements, e.g. "Monthly account fee".
   *
   * @return the description
   */
  public abstract String description();

  /**
   * What it pays for.
   *
   * @return the basis
   */
  public abstract ChargeBasis basis();

  /**
   * The agreement item it belongs to, if any.
   *
   * @return the item
   */
  public abstract Optional<AgreementItemId> item();

  /**
   * The amount per occurrence; the total for installments; the unit price for consumption.
   * Never negative.
   *
   * @return the amount
   */
  public abstract Money amount();

  /**
   * The unit consumption is measured in (e.g. {@code GB}, {@code kWh}); only for consumption.
   *
   * @return the unit
   */
  public abstract Optional<String> unit();

  /**
   * How often it falls due.
   *
   * @return the periodicity
   */
  public abstract Periodicity periodicity();

  /**
   * When each occurrence is due. Defaults to in advance.
   *
   * @return the due rule
   */
  @Value.Default
  public DueRule dueRule() {
    return DueRule.inAdvance();
  }

  /**
   * The first service period's first day; empty for the day the charge entered the agreement.
   *
   * @return the start
   */
  public abstract Optional<LocalDate> start();

  /**
   * A builder.
   *
   * @return a new builder
   */
  public static ImmutableCharge.Builder builder() {
    return ImmutableCharge.builder();
  }

  @Value.Check
  void check() {
    Checks.text("Charge.description", description(), 200);
    Checks.check(!amount().isNegative(), "Charge %s amount must not be negative, was %s", id(), amount());
    if (basis() == ChargeBasis.CONSUMPTION) {
      Checks.check(periodicity() instanceof Periodicity.Recurring,
          "Charge %s is billed on consumption, so its periodicity must be recurring, was %s", id(), periodicity());
      Checks.check(unit().isPresent(), "Charge %s is billed on consumption and needs a unit (e.g. GB, kWh)", id());
      Checks.code("Charge.unit", unit().get());
    } else {
      Checks.check(unit().isEmpty(), "Charge %s has a unit (%s) but is billed on %s; units are for consumption",
          id(), unit().orElse(""), basis());
    }
    Checks.check(basis() != ChargeBasis.SALE || !(periodicity() instanceof Periodicity.Recurring),
        "Charge %s is a sale, paid once or in installments; use SERVICE for a recurring charge", id());
  }
}
