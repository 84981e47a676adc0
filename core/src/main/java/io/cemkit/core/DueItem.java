package io.cemkit.core;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.cemkit.core.internal.Checks;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One payment the customer owes: an occurrence of a charge, with its service period, due date and
 * amount.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableDueItem.class)
@JsonDeserialize(as = ImmutableDueItem.class)
public abstract class DueItem {
  DueItem() {}

  /**
   * The charge it comes from.
   *
   * @return the charge's id
   */
  public abstract ChargeId charge();

  /**
   * The charge's description.
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
   * Which occurrence of the charge, from 1.
   *
   * @return the occurrence
   */
  public abstract int occurrence();

  /**
   * How many occurrences the charge has, when known (installments, limited recurrences).
   *
   * @return the total
   */
  public abstract Optional<Integer> occurrences();

  /**
   * The days this payment covers.
   *
   * @return the service period
   */
  public abstract DateRange servicePeriod();

  /**
   * When it is due.
   *
   * @return the due date
   */
  public abstract LocalDate dueDate();

  /**
   * How much.
   *
   * @return the amount
   */
  public abstract Money amount();

  /**
   * For consumption, the quantity rated.
   *
   * @return the quantity
   */
  public abstract Optional<BigDecimal> quantity();

  /**
   * The agreement version whose terms define it, when scheduled from an agreement.
   *
   * @return the version number
   */
  public abstract Optional<Integer> agreementVersion();

  /**
   * A builder.
   *
   * @return a new builder
   */
  public static ImmutableDueItem.Builder builder() {
    return ImmutableDueItem.builder();
  }

  @Value.Check
  void check() {
    Checks.check(occurrence() >= 1, "DueItem.occurrence must be at least 1, was %d", occurrence());
    occurrences().ifPresent(n -> Checks.check(occurrence() <= n, "DueItem occurrence %d exceeds occurrences %d",
        occurrence(), n));
  }

  /** E.g. {@code 2026-02-01 monthly-fee #2 9.90 EUR}. */
  @Override
  public String toString() {
    return dueDate() + " " + charge() + " #" + occurrence() + occurrences().map(n -> "/" + n).orElse("") + " "
        + amount();
  }
}
