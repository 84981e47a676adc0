package io.cemkit.core;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.cemkit.core.internal.Checks;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An action a customer started in one channel and may finish in another from the same point: a
 * loan application started on the website and signed at the branch, an appointment booked in the
 * app and confirmed by phone. It is found by its secret {@link #token()}, holds the step reached and
 * the data collected so far, and lists every channel switch (each also recorded as an interaction).
 *
 * <p>Use {@link Continuations} to start, resume, advance and finish it. The collected data may be
 * personal: {@code toString()} shows only its keys.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableContinuation.class)
@JsonDeserialize(as = ImmutableContinuation.class)
public abstract class Continuation {
  Continuation() {}

  /**
   * The continuation's id.
   *
   * @return the id
   */
  public abstract ContinuationId id();

  /**
   * The customer it belongs to; only this customer can resume it.
   *
   * @return the customer's id
   */
  public abstract CustomerId customer();

  /**
   * What is being done, a host code such as {@code loan-application}.
   *
   * @return the action
   */
  public abstract String action();

  /**
   * The secret that resumes it.
   *
   * @return the token
   */
  public abstract ContinuationToken token();

  /**
   * Open, completed or cancelled.
   *
   * @return the status
   */
  public abstract ContinuationStatus status();

  /**
   * The step reached, a host code such as {@code documents-uploaded}.
   *
   * @return the step
   */
  public abstract String step();

  /**
   * The data collected so far, by field name.
   *
   * @return the progress
   */
  public abstract Map<String, String> progress();

  /**
   * The channel it was started in.
   *
   * @return the channel
   */
  public abstract Channel startedOn();

  /**
   * The channel it was last worked on.
   *
   * @return the channel
   */
  public abstract Channel lastChannel();

  /**
   * When it was started.
   *
   * @return the instant
   */
  public abstract Instant startedAt();

  /**
   * When it was last changed.
   *
   * @return the instant
   */
  public abstract Instant updatedAt();

  /**
   * After this instant it can no longer be resumed.
   *
   * @return the deadline
   */
  public abstract Instant expiresAt();

  /**
   * The process instance it drives, if any.
   *
   * @return the process instance's id
   */
  public abstract Optional<ProcessInstanceId> processInstance();

  /**
   * The channel switches, oldest first.
   *
   * @return the switches
   */
  public abstract List<ChannelSwitch> switches();

  /**
   * A builder.
   *
   * @return a new builder
   */
  public static ImmutableContinuation.Builder builder() {
    return ImmutableContinuation.builder();
  }

  /**
   * Whether it can still be resumed at an instant: open and not expired.
   *
   * @param at the instant
   * @return true if resumable
   */
  public boolean isResumableAt(Instant at) {
    return status() == ContinuationStatus.OPEN && at.isBefore(expiresAt());
  }

  @Value.Check
  void check() {
    Checks.code("Continuation.action", action());
    Checks.code("Continuation.step", step());
    progress().keySet().forEach(k -> Checks.code("Continuation.progress key", k));
    progress().values().forEach(v -> Checks.check(v.length() <= 10_000,
        "Continuation %s progress values must be at most 10000 characters", id()));
    Checks.check(!updatedAt().isBefore(startedAt()), "Continuation %s updatedAt (%s) is before startedAt (%s)", id(),
        updatedAt(), startedAt());
    Checks.check(expiresAt().isAfter(startedAt()), "Continuation %s expiresAt (%s) must be after startedAt (%s)", id(),
        expiresAt(), startedAt());
  }

  /** Ids, action, step, status and the progress's keys; never the token or the collected values. */
  @Override
  public String toString() {
    return "Continuation[" + id() + ", customer " + customer() + ", " + action() + " at " + step() + ", "
        + status() + ", last on " + lastChannel() + ", fields " + progress().keySet() + "]";
  }
}
