package io.cemkit.workflow;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * An instance's service-level clock (W4), stored with it: the deadlines resolved when it started
 * (from the entitlement in force or the definition's default, over a business calendar), when each
 * falls at risk (the engine's warning share of the deadline), when the first response came, whether
 * the clock is paused (the instance waits for the customer), and which alerts have been raised, so
 * each is raised once.
 *
 * @param calendar the business calendar's id, empty for around the clock
 * @param responseAtRisk when the first response falls at risk
 * @param responseDue when the first response is due
 * @param respondedAt when the first human or partner step was done
 * @param resolutionAtRisk when the resolution falls at risk
 * @param resolutionDue when the resolution is due
 * @param pausedSince when the clock stopped, while the instance waits for the customer
 * @param raised the alerts raised so far
 */
public record SlaClock(@JsonProperty Optional<String> calendar, @JsonProperty(required = true) Instant responseAtRisk,
    @JsonProperty(required = true) Instant responseDue, @JsonProperty Optional<Instant> respondedAt,
    @JsonProperty(required = true) Instant resolutionAtRisk, @JsonProperty(required = true) Instant resolutionDue,
    @JsonProperty Optional<Instant> pausedSince, @JsonProperty Set<SlaAlert> raised) {

  /**
   * Checks and copies the parts.
   *
   * @param calendar the calendar
   * @param responseAtRisk the response warning time
   * @param responseDue the response deadline
   * @param respondedAt the response time
   * @param resolutionAtRisk the resolution warning time
   * @param resolutionDue the resolution deadline
   * @param pausedSince the pause start
   * @param raised the alerts raised
   * @throws IllegalArgumentException if a warning comes after its deadline
   */
  public SlaClock {
    calendar = Objects.requireNonNullElse(calendar, Optional.empty());
    Objects.requireNonNull(responseAtRisk, "responseAtRisk");
    Objects.requireNonNull(responseDue, "responseDue");
    respondedAt = Objects.requireNonNullElse(respondedAt, Optional.empty());
    Objects.requireNonNull(resolutionAtRisk, "resolutionAtRisk");
    Objects.requireNonNull(resolutionDue, "resolutionDue");
    pausedSince = Objects.requireNonNullElse(pausedSince, Optional.empty());
    raised = raised == null || raised.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(raised));
    if (responseAtRisk.isAfter(responseDue) || resolutionAtRisk.isAfter(resolutionDue)) {
      throw new IllegalArgumentException("SlaClock: a warning time comes after its deadline (response "
          + responseAtRisk + " / " + responseDue + ", resolution " + resolutionAtRisk + " / " + resolutionDue + ")");
    }
  }

  /**
   * This clock with the first response recorded.
   *
   * @param at when the first human or partner step was done
   * @return the new clock
   */
  public SlaClock respondedAt(Instant at) {
    return new SlaClock(calendar, responseAtRisk, responseDue, Optional.of(at), resolutionAtRisk, resolutionDue,
        pausedSince, raised);
  }

  /**
   * This clock stopped: the instance waits for the customer.
   *
   * @param at when it stopped
   * @return the new clock
   */
  public SlaClock pausedAt(Instant at) {
    return new SlaClock(calendar, responseAtRisk, responseDue, respondedAt, resolutionAtRisk, resolutionDue,
        Optional.of(at), raised);
  }

  /**
   * This clock running again, each of its four times moved by a rule (the engine keeps the working
   * time each deadline had left when the clock stopped).
   *
   * @param move the new time of each warning and deadline
   * @return the new clock, not paused
   */
  public SlaClock resumed(UnaryOperator<Instant> move) {
    return new SlaClock(calendar, move.apply(responseAtRisk), move.apply(responseDue), respondedAt,
        move.apply(resolutionAtRisk), move.apply(resolutionDue), Optional.empty(), raised);
  }

  /**
   * This clock with one more alert raised.
   *
   * @param alert the alert
   * @return the new clock
   */
  public SlaClock raising(SlaAlert alert) {
    EnumSet<SlaAlert> all = EnumSet.of(Objects.requireNonNull(alert, "alert"));
    all.addAll(raised);
    return new SlaClock(calendar, responseAtRisk, responseDue, respondedAt, resolutionAtRisk, resolutionDue,
        pausedSince, all);
  }

  /**
   * How a transition at a time stands against the deadline that governs it: the first response
   * until it came, then the resolution.
   *
   * @param at the transition's time
   * @return the verdict
   */
  public SlaVerdict verdictAt(Instant at) {
    boolean responding = respondedAt.isEmpty();
    Instant due = responding ? responseDue : resolutionDue;
    Instant atRisk = responding ? responseAtRisk : resolutionAtRisk;
    SlaVerdict.Status status = at.isAfter(due) ? SlaVerdict.Status.BREACHED
        : at.isBefore(atRisk) ? SlaVerdict.Status.ON_TIME : SlaVerdict.Status.AT_RISK;
    return new SlaVerdict(responding ? SlaVerdict.Deadline.RESPONSE : SlaVerdict.Deadline.RESOLUTION, due, status);
  }

  /**
   * When an alert falls due.
   *
   * @param alert the alert
   * @return its time
   */
  public Instant timeOf(SlaAlert alert) {
    return switch (alert) {
      case RESPONSE_AT_RISK -> responseAtRisk;
      case RESPONSE_BREACHED -> responseDue;
      case RESOLUTION_AT_RISK -> resolutionAtRisk;
      case RESOLUTION_BREACHED -> resolutionDue;
    };
  }

  /**
   * The alerts still to come: none while paused; the response's only until it came.
   *
   * @return the alerts not raised yet that can still fall due
   */
  public Set<SlaAlert> pending() {
    if (pausedSince.isPresent()) {
      return Set.of();
    }
    EnumSet<SlaAlert> pending = EnumSet.noneOf(SlaAlert.class);
    for (SlaAlert alert : SlaAlert.values()) {
      boolean response = alert == SlaAlert.RESPONSE_AT_RISK || alert == SlaAlert.RESPONSE_BREACHED;
      if (!raised.contains(alert) && !(response && respondedAt.isPresent())) {
        pending.add(alert);
      }
    }
    return pending;
  }
}
