package io.cemkit.core;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Where the customer stopped in an action carried across channels, as the customer context shows
 * it: the step and the last channel, never the token or the collected data.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableContinuationSummary.class)
@JsonDeserialize(as = ImmutableContinuationSummary.class)
public abstract class ContinuationSummary {
  ContinuationSummary() {}

  /**
   * The continuation.
   *
   * @return its id
   */
  public abstract ContinuationId id();

  /**
   * What is being done.
   *
   * @return the action's code
   */
  public abstract String action();

  /**
   * The step reached.
   *
   * @return the step's code
   */
  public abstract String step();

  /**
   * Where it was started.
   *
   * @return the channel
   */
  public abstract Channel startedOn();

  /**
   * Where it was last worked on.
   *
   * @return the channel
   */
  public abstract Channel lastChannel();

  /**
   * When it was last worked on.
   *
   * @return the instant
   */
  public abstract Instant updatedAt();

  /**
   * Until when it can be resumed.
   *
   * @return the instant
   */
  public abstract Instant expiresAt();

  /**
   * The process it drives.
   *
   * @return the process instance's id
   */
  public abstract Optional<ProcessInstanceId> processInstance();

  /**
   * The summary of a continuation.
   *
   * @param continuation the continuation
   * @return its summary
   */
  public static ContinuationSummary of(Continuation continuation) {
    Continuation c = Objects.requireNonNull(continuation, "continuation");
    return ImmutableContinuationSummary.builder().id(c.id()).action(c.action()).step(c.step()).startedOn(c.startedOn())
        .lastChannel(c.lastChannel()).updatedAt(c.updatedAt()).expiresAt(c.expiresAt())
        .processInstance(c.processInstance()).build();
  }
}
