package io.cemkit.workflow;

import io.cemkit.core.Actor;
import io.cemkit.core.Channel;
import io.cemkit.core.Continuation;
import io.cemkit.core.ContinuationId;
import io.cemkit.core.ContinuationStatus;
import io.cemkit.core.ContinuationToken;
import io.cemkit.core.ContinuationTokenException;
import io.cemkit.core.Continuations;
import io.cemkit.core.CustomerId;
import io.cemkit.core.DuplicateEntityException;
import io.cemkit.core.ProcessInstanceId;
import io.cemkit.core.UnknownEntityException;
import io.cemkit.core.spi.ContinuationStore;
import io.cemkit.core.spi.Versioned;
import io.cemkit.workflow.spi.WorkflowListener;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Omnichannel process instances (W9, core C9): an instance started in one channel carries a
 * {@link Continuation} whose token the customer can present in any other channel, where the instance
 * is picked up at the step it reached. The switch of channel is recorded (an interaction and a
 * {@link io.cemkit.core.ChannelSwitch} on the continuation, by core's {@link Continuations}), and the
 * continuation follows the instance: its step is the instance's current step, and it completes when
 * the instance completes (is cancelled when the instance is cancelled), so the customer context
 * ({@link io.cemkit.core.CustomerContext} with the same {@link ContinuationStore}) shows where the
 * customer stopped.
 *
 * <pre>{@code
 * Omnichannel omnichannel = new Omnichannel(continuations, continuationStore);
 * WorkflowEngine engine = WorkflowEngine.builder().listener(omnichannel.listener()) ... .build();
 * Omnichannel.Started started = omnichannel.start(engine, request, Channel.APP);
 * // later, on the phone, the customer reads out the token:
 * Omnichannel.Resumed resumed = omnichannel.resume(engine, token, customer, Channel.PHONE, Actor.agent("a-7"));
 * engine.claim(resumed.instance().workItem().orElseThrow(), "a-7");
 * }</pre>
 *
 * <p>{@link #start} starts the instance first and then its continuation; if the continuation cannot be
 * stored (an unknown customer, a store failure), the instance runs without one and repeating the start
 * with the same idempotency key adds it. The continuation's id is {@code C-} followed by the instance's id.
 * The {@link #listener()} keeps continuations in step; without it, {@link #resume} still brings the
 * continuation up to the instance's step. Thread-safe.
 */
public final class Omnichannel {
  private static final Logger LOG = LoggerFactory.getLogger(Omnichannel.class);
  private static final Actor SYSTEM = Actor.system(CrmProcesses.ACTOR);

  private final Continuations continuations;
  private final ContinuationStore store;

  /**
   * An instance started with a continuation.
   *
   * @param instance the instance, as the start left it
   * @param continuation its continuation, with the token to give the customer
   */
  public record Started(ProcessInstance instance, Continuation continuation) {
    /**
     * Checks the parts.
     *
     * @param instance the instance
     * @param continuation the continuation
     */
    public Started {
      Objects.requireNonNull(instance, "instance");
      Objects.requireNonNull(continuation, "continuation");
    }
  }

  /**
   * An instance picked up in another channel.
   *
   * @param instance the instance now
   * @param workItem its open work item, if it waits for a person or a partner (empty at a timer step, whose
   *     item nobody can claim)
   * @param continuation the continuation, with the switch recorded
   */
  public record Resumed(ProcessInstance instance, Optional<WorkItem> workItem, Continuation continuation) {
    /**
     * Checks the parts.
     *
     * @param instance the instance
     * @param workItem the work item
     * @param continuation the continuation
     */
    public Resumed {
      Objects.requireNonNull(instance, "instance");
      Objects.requireNonNull(workItem, "workItem");
      Objects.requireNonNull(continuation, "continuation");
    }
  }

  /**
   * Creates the omnichannel layer.
   *
   * @param continuations core's continuations, which record the switches
   * @param store the store those continuations live in (the customer context reads it too)
   */
  public Omnichannel(Continuations continuations, ContinuationStore store) {
    this.continuations = Objects.requireNonNull(continuations, "continuations");
    this.store = Objects.requireNonNull(store, "store");
  }

  /**
   * The continuation id of an instance.
   *
   * @param instance the instance
   * @return {@code C-} and the instance's id
   */
  public static ContinuationId continuationOf(ProcessInstanceId instance) {
    return ContinuationId.of("C-" + Objects.requireNonNull(instance, "instance").value());
  }

  /**
   * Starts an instance in a channel, with its continuation. Repeating a start (same idempotency key)
   * returns the same instance and the same continuation.
   *
   * @param engine the engine
   * @param request the start request
   * @param channel where the customer is
   * @return the instance and its continuation
   * @throws io.cemkit.core.UnknownEntityException if the customer is unknown to the continuations
   */
  public Started start(WorkflowEngine engine, StartRequest request, Channel channel) {
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(channel, "channel");
    ProcessInstance instance = engine.start(request);
    ContinuationId id = continuationOf(instance.id());
    Optional<Versioned<Continuation>> existing = store.find(id);
    if (existing.isPresent()) {
      return new Started(instance, existing.get().value());
    }
    Continuation created;
    try {
      created = continuations.start(id, instance.customer(), instance.processKey(), pointOf(instance), Map.of(),
          channel, Optional.of(instance.id()));
    } catch (DuplicateEntityException e) {
      // A concurrent repeat of the same start stored it first.
      return new Started(instance, store.find(id).orElseThrow(() -> e).value());
    }
    // The instance may have moved on (or ended) before its continuation existed for the listener to follow.
    ProcessInstance now = engine.instance(instance.id()).orElse(instance);
    return new Started(instance, follow(created, now, channel, SYSTEM));
  }

  /**
   * Picks an instance up where the customer presents the token: records the switch when the channel
   * differs, and brings the continuation up to the instance's step.
   *
   * @param engine the engine that runs the instance
   * @param token the token the customer presented
   * @param customer the customer presenting it
   * @param channel where the customer is now
   * @param performer who serves the customer there
   * @return the instance, its open work item and the continuation
   * @throws ContinuationTokenException for an unknown, foreign or stale token (never containing it)
   * @throws UnknownEntityException if the continuation drives no instance this engine knows
   */
  public Resumed resume(WorkflowEngine engine, ContinuationToken token, CustomerId customer, Channel channel,
      Actor performer) {
    Objects.requireNonNull(engine, "engine");
    Continuation c = continuations.resume(token, customer, channel, performer);
    ProcessInstanceId id = c.processInstance().orElseThrow(() -> new UnknownEntityException("Process instance",
        "(none)", "continuation " + c.id() + " drives no process instance"));
    ProcessInstance instance = engine.instance(id).orElseThrow(() -> new UnknownEntityException("Process instance",
        id.value(), "continuation " + c.id() + " drives it, but the engine does not know it"));
    Continuation now = follow(c, instance, channel, performer);
    return new Resumed(instance, instance.workItem().flatMap(engine::workItem)
        .filter(item -> !(item.performer() instanceof Performer.Timer)), now);
  }

  /**
   * A listener for the engine that keeps each instance's continuation at the instance's step and
   * completes it when the instance completes, or cancels it when the instance is cancelled (changes
   * are attributed to the system actor, in the continuation's last channel). Instances without a
   * continuation are ignored, and so are continuations that have expired. It never throws into the
   * engine, whose operation is stored by the time it hears of it: a continuation it cannot update (the
   * continuation store down, a concurrent resume) is logged at WARN and stays where it was until
   * {@link #resume} brings it up to the instance's step.
   *
   * @return the listener
   */
  public WorkflowListener listener() {
    return new WorkflowListener() {
      @Override
      public void workItemCreated(WorkItem item) {
        quietly(item.instance(), () -> store.find(continuationOf(item.instance())).map(Versioned::value)
            .filter(c -> c.status() == ContinuationStatus.OPEN && !c.step().equals(item.step()))
            .ifPresent(c -> continuations.advance(c.token(), c.customer(), item.step(), Map.of(), c.lastChannel(),
                SYSTEM)));
      }

      @Override
      public void instanceEnded(ProcessInstance instance) {
        quietly(instance.id(), () -> store.find(continuationOf(instance.id())).map(Versioned::value)
            .filter(c -> c.status() == ContinuationStatus.OPEN)
            .ifPresent(c -> follow(c, instance, c.lastChannel(), SYSTEM)));
      }

      @Override
      public String toString() {
        return "Omnichannel.listener()";
      }
    };
  }

  private Continuation follow(Continuation c, ProcessInstance instance, Channel channel, Actor performer) {
    if (instance.status() == InstanceStatus.CANCELLED) {
      return continuations.cancel(c.token(), c.customer(), channel, performer);
    }
    if (instance.status().ended()) {
      return continuations.complete(c.token(), c.customer(), channel, performer);
    }
    String point = pointOf(instance);
    return point.equals(c.step()) ? c
        : continuations.advance(c.token(), c.customer(), point, Map.of(), channel, performer);
  }

  private static String pointOf(ProcessInstance instance) {
    return instance.step().orElse(instance.status().name().toLowerCase(java.util.Locale.ROOT));
  }

  /**
   * Runs the listener's change of an instance's continuation. An expired or finished continuation is
   * expected (DEBUG); any other failure is degraded service, not the engine's error (WARN).
   */
  private static void quietly(ProcessInstanceId instance, Runnable change) {
    try {
      change.run();
    } catch (ContinuationTokenException e) {
      LOG.debug("Continuation {} no longer follows its instance: {}", continuationOf(instance), e.getMessage());
    } catch (RuntimeException e) {
      LOG.warn("Continuation {} could not follow instance {}; it stays at its step until the customer resumes: {}",
          continuationOf(instance), instance, e.toString());
    }
  }

  @Override
  public String toString() {
    return "Omnichannel[" + store + "]";
  }
}
