package io.cemkit.core;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.cemkit.core.internal.Checks;
import java.time.LocalDate;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * How often a {@link Charge} falls due: once, once split into installments, or recurring.
 *
 * <p>JSON: an object with a {@code "type"} of {@code "one-time"}, {@code "installments"} or
 * {@code "recurring"}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = Periodicity.OneTime.class, name = "one-time"),
  @JsonSubTypes.Type(value = Periodicity.Installments.class, name = "installments"),
  @JsonSubTypes.Type(value = Periodicity.Recurring.class, name = "recurring")
})
public sealed interface Periodicity permits Periodicity.OneTime, Periodicity.Installments, Periodicity.Recurring {

  /**
   * Due once.
   *
   * @return the one-time periodicity
   */
  static Periodicity oneTime() {
    return ImmutableOneTime.builder().build();
  }

  /**
   * A total split into {@code count} installments, one every {@code frequency}.
   *
   * @param count the number of installments, at least 2
   * @param frequency the spacing between installments
   * @return the periodicity
   */
  static Periodicity installments(int count, BillingFrequency frequency) {
    return ImmutableInstallments.of(count, frequency);
  }

  /**
   * Due every {@code frequency}, with no end of its own (it ends with the agreement).
   *
   * @param frequency the frequency
   * @return the periodicity
   */
  static Periodicity recurring(BillingFrequency frequency) {
    return ImmutableRecurring.builder().frequency(frequency).build();
  }

  /**
   * Due every {@code frequency}, at most {@code occurrences} times.
   *
   * @param frequency the frequency
   * @param occurrences the number of occurrences, at least 1
   * @return the periodicity
   */
  static Periodicity recurring(BillingFrequency frequency, int occurrences) {
    return ImmutableRecurring.builder().frequency(frequency).occurrences(occurrences).build();
  }

  /**
   * Due every {@code frequency} for service periods starting before {@code endExclusive}.
   *
   * @param frequency the frequency
   * @param endExclusive no service period starts on or after this date
   * @return the periodicity
   */
  static Periodicity recurringUntil(BillingFrequency frequency, LocalDate endExclusive) {
    return ImmutableRecurring.builder().frequency(frequency).endExclusive(endExclusive).build();
  }

  /** Due once. */
  @Value.Immutable
  @JsonTypeName("one-time")
  @JsonSerialize(as = ImmutableOneTime.class)
  @JsonDeserialize(as = ImmutableOneTime.class)
  abstract non-sealed class OneTime implements Periodicity {
    OneTime() {}

    @Override
    public String toString() {
      return "one-time";
    }
  }

  /** A total split into a number of equal installments (they differ by at most one minor unit). */
  @Value.Immutable
  @JsonTypeName("installments")
  @JsonSerialize(as = ImmutableInstallments.class)
  @JsonDeserialize(as = ImmutableInstallments.class)
  abstract non-sealed class Installments implements Periodicity {
    Installments() {}

    /**
     * The number of installments.
     *
     * @return at least 2
     */
    @Value.Parameter
    public abstract int count();

    /**
     * The spacing between installments.
     *
     * @return the frequency
     */
    @Value.Parameter
    public abstract BillingFrequency frequency();

    @Value.Check
    void check() {
      Checks.check(count() >= 2, "Installments.count must be at least 2, was %d (use one-time for a single payment)",
          count());
      Checks.check(count() <= 1200, "Installments.count must be at most 1200, was %d", count());
    }

    @Override
    public String toString() {
      return count() + " installments, " + frequency();
    }
  }

  /** Due every period, optionally limited by a number of occurrences or an end date. */
  @Value.Immutable
  @JsonTypeName("recurring")
  @JsonSerialize(as = ImmutableRecurring.class)
  @JsonDeserialize(as = ImmutableRecurring.class)
  abstract non-sealed class Recurring implements Periodicity {
    Recurring() {}

    /**
     * How often it falls due.
     *
     * @return the frequency
     */
    public abstract BillingFrequency frequency();

    /**
     * The maximum number of occurrences; empty for no limit of its own.
     *
     * @return the limit
     */
    public abstract Optional<Integer> occurrences();

    /**
     * No service period starts on or after this date; empty for no end of its own.
     *
     * @return the end
     */
    public abstract Optional<LocalDate> endExclusive();

    @Value.Check
    void check() {
      occurrences().ifPresent(n -> Checks.check(n >= 1, "Recurring.occurrences must be at least 1, was %d", n));
    }

    @Override
    public String toString() {
      return "recurring " + frequency() + occurrences().map(n -> ", " + n + " times").orElse("")
          + endExclusive().map(d -> ", until " + d).orElse("");
    }
  }
}
