package io.cemkit.core;

import io.cemkit.core.internal.Checks;
import io.cemkit.core.spi.ContinuationStore;
import io.cemkit.core.spi.Versioned;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Omnichannel continuity: an action started in one channel continues in another from the same
 * point. A loan application started on the website gets a {@link ContinuationToken}; at the branch
 * the customer presents it, and the agent {@link #resume resumes} the application at the step it
 * reached, with the data collected so far. Each change of channel is recorded as an interaction
 * (class {@link Builder#switchClass}, linked to the continuation) and kept on the continuation.
 *
 * <p>A token is refused, with a {@link ContinuationTokenException} that never contains it, when no
 * continuation has it ({@code UNKNOWN}), when it belongs to another customer ({@code FOREIGN}), and
 * when the continuation is completed, cancelled or past its expiry ({@code STALE}). Concurrent
 * changes to the same continuation are detected through the store's revisions
 * ({@link StaleWriteException}); every check runs before anything is written. The switch is saved
 * on the continuation first and then recorded as an interaction whose id derives from the
 * continuation and the switch's number; if the interaction log fails in between, the exception
 * propagates and the next operation on the continuation records the missing interaction, once.
 *
 * <p>Time comes from the injected {@link Clock}.
 */
public final class Continuations {
  private static final Logger LOG = LoggerFactory.getLogger(Continuations.class);

  private final ContinuationStore store;
  private final Interactions interactions;
  private final Clock clock;
  private final Duration timeToLive;
  private final InteractionClass switchClass;
  private final Supplier<ContinuationToken> tokens;

  private Continuations(Builder b) {
    this.store = Objects.requireNonNull(b.store, "store");
    this.interactions = Objects.requireNonNull(b.interactions, "interactions");
    this.clock = Objects.requireNonNull(b.clock, "clock");
    this.timeToLive = b.timeToLive;
    this.switchClass = interactions.taxonomy().require(b.switchClass);
    this.tokens = b.tokens;
  }

  /**
   * A builder; store, interactions and clock are required.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts a continuation.
   *
   * @param id the continuation's id
   * @param customer the customer
   * @param action what is being done, e.g. {@code loan-application}
   * @param firstStep the step reached, e.g. {@code details-entered}
   * @param progress the data collected so far
   * @param channel where it starts
   * @param processInstance the process it drives, if any
   * @return the stored continuation, with its token
   * @throws DuplicateEntityException if the id is taken
   * @throws UnknownEntityException if the customer or the process instance is unknown
   * @throws CrossCustomerLinkException if the process instance belongs to another customer
   */
  public Continuation start(ContinuationId id, CustomerId customer, String action, String firstStep,
      Map<String, String> progress, Channel channel, Optional<ProcessInstanceId> processInstance) {
    Objects.requireNonNull(progress, "progress");
    Objects.requireNonNull(processInstance, "processInstance");
    Instant now = clock.instant();
    Continuation continuation = Continuation.builder().id(id).customer(customer).action(action)
        .token(tokens.get()).status(ContinuationStatus.OPEN).step(firstStep).putAllProgress(progress)
        .startedOn(channel).lastChannel(channel).startedAt(now).updatedAt(now).expiresAt(now.plus(timeToLive))
        .processInstance(processInstance).build();
    interactions.checkNew(continuation);
    Continuation stored = store.insert(continuation).value();
    LOG.debug("Started continuation {} ({}) for customer {} on {}", id, action, customer, channel);
    return stored;
  }

  /**
   * Resumes a continuation: checks the token, and if the channel differs from the last one,
   * records the switch as an interaction performed by {@code performer}.
   *
   * @param token the token the customer presented
   * @param customer the customer presenting it
   * @param channel where the customer is now
   * @param performer who serves the customer there
   * @return the continuation, with the switch recorded
   * @throws ContinuationTokenException for an unknown, foreign or stale token
   */
  public Continuation resume(ContinuationToken token, CustomerId customer, Channel channel, Actor performer) {
    return change(token, customer, channel, performer, "resume", c -> c);
  }

  /**
   * Records progress: the step reached and data collected (merged into what was there).
   *
   * @param token the token
   * @param customer the customer
   * @param step the step reached
   * @param progress the new or changed data
   * @param channel where the progress was made
   * @param performer who served the customer
   * @return the updated continuation
   * @throws ContinuationTokenException for an unknown, foreign or stale token
   */
  public Continuation advance(ContinuationToken token, CustomerId customer, String step, Map<String, String> progress,
      Channel channel, Actor performer) {
    Objects.requireNonNull(progress, "progress");
    Checks.code("step", step);
    return change(token, customer, channel, performer, "advance", c -> {
      Map<String, String> merged = new HashMap<>(c.progress());
      merged.putAll(progress);
      return ImmutableContinuation.copyOf(c).withStep(step).withProgress(merged);
    });
  }

  /**
   * Finishes a continuation; its token becomes stale.
   *
   * @param token the token
   * @param customer the customer
   * @param channel where it was finished
   * @param performer who served the customer
   * @return the completed continuation
   * @throws ContinuationTokenException for an unknown, foreign or stale token
   */
  public Continuation complete(ContinuationToken token, CustomerId customer, Channel channel, Actor performer) {
    return change(token, customer, channel, performer, "complete",
        c -> ImmutableContinuation.copyOf(c).withStatus(ContinuationStatus.COMPLETED));
  }

  /**
   * Abandons a continuation; its token becomes stale.
   *
   * @param token the token
   * @param customer the customer
   * @param channel where it was cancelled
   * @param performer who cancelled it
   * @return the cancelled continuation
   * @throws ContinuationTokenException for an unknown, foreign or stale token
   */
  public Continuation cancel(ContinuationToken token, CustomerId customer, Channel channel, Actor performer) {
    return change(token, customer, channel, performer, "cancel",
        c -> ImmutableContinuation.copyOf(c).withStatus(ContinuationStatus.CANCELLED));
  }

  /**
   * A customer's continuations that can still be resumed now: where the customer stopped.
   *
   * @param customer the customer
   * @return open, unexpired continuations, oldest first
   */
  public List<Continuation> openFor(CustomerId customer) {
    Instant now = clock.instant();
    return store.forCustomer(customer).stream().filter(c -> c.isResumableAt(now))
        .collect(Collectors.toUnmodifiableList());
  }

  private Continuation change(ContinuationToken token, CustomerId customer, Channel channel, Actor performer,
      String what, java.util.function.UnaryOperator<Continuation> change) {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(performer, "performer");
    Instant now = clock.instant();
    Versioned<Continuation> stored = store.findByToken(token).orElseThrow(() -> new ContinuationTokenException(
        ContinuationTokenException.Reason.UNKNOWN, "Cannot " + what + ": no continuation has the token presented by "
            + "customer " + customer));
    Continuation current = stored.value();
    repair(current);
    if (!current.customer().equals(customer)) {
      throw new ContinuationTokenException(ContinuationTokenException.Reason.FOREIGN, "Cannot " + what
          + ": the token presented by customer " + customer + " belongs to another customer's continuation");
    }
    if (!current.isResumableAt(now)) {
      throw new ContinuationTokenException(ContinuationTokenException.Reason.STALE, "Cannot " + what
          + " continuation " + current.id() + " (" + current.action() + "): it is "
          + (current.status() == ContinuationStatus.OPEN ? "expired since " + current.expiresAt()
              : current.status().name().toLowerCase(java.util.Locale.ROOT) + " since " + current.updatedAt()));
    }
    Continuation next = change.apply(current);
    if (channel != current.lastChannel()) {
      InteractionId switchId = InteractionId.of(current.id().value() + ":switch:" + (current.switches().size() + 1));
      ChannelSwitch move = ChannelSwitch.of(current.lastChannel(), channel, now, performer, switchId);
      Interaction documented = documenting(current, move);
      // Check the documenting interaction before writing anything, so a refusal changes nothing; the
      // continuation's revision then decides between concurrent resumes, and only the winner records it.
      interactions.check(documented);
      next = ImmutableContinuation.copyOf(next).withLastChannel(channel)
          .withSwitches(append(current.switches(), move));
      Continuation updated = store.update(ImmutableContinuation.copyOf(next).withUpdatedAt(now), stored.revision())
          .value();
      recordOnce(documented);
      LOG.debug("Continuation {} moved from {} to {}", current.id(), current.lastChannel(), channel);
      return updated;
    }
    return store.update(ImmutableContinuation.copyOf(next).withUpdatedAt(now), stored.revision()).value();
  }

  /** Records the interactions of switches saved on the continuation but missing from the log. */
  private void repair(Continuation c) {
    for (ChannelSwitch s : c.switches()) {
      if (!interactions.isRecorded(s.interaction())) {
        LOG.warn("Continuation {}: recording the missing interaction {} of its switch to {}", c.id(), s.interaction(),
            s.to());
        recordOnce(documenting(c, s));
      }
    }
  }

  /**
   * Records a switch's interaction unless someone already did: a concurrent caller's
   * {@link #repair} may record the winner's switch between the winner's update and its own record.
   */
  private void recordOnce(Interaction documented) {
    try {
      interactions.record(documented);
    } catch (DuplicateEntityException e) {
      if (!interactions.isRecorded(documented.id())) {
        throw e;
      }
    }
  }

  private Interaction documenting(Continuation c, ChannelSwitch s) {
    return Interaction.builder().id(s.interaction()).customer(c.customer()).channel(s.to())
        .direction(Direction.INBOUND).classification(switchClass).startedAt(s.at()).endedAt(s.at())
        .performer(s.performer()).outcome("continued").continuation(c.id()).processInstance(c.processInstance())
        .build();
  }

  private static List<ChannelSwitch> append(List<ChannelSwitch> list, ChannelSwitch item) {
    List<ChannelSwitch> copy = new java.util.ArrayList<>(list);
    copy.add(item);
    return copy;
  }

  /** Configures {@link Continuations}. */
  public static final class Builder {
    private ContinuationStore store;
    private Interactions interactions;
    private Clock clock;
    private Duration timeToLive = Duration.ofDays(30);
    private InteractionClass switchClass = InteractionClass.of("continuation.channel-switch");
    private Supplier<ContinuationToken> tokens = ContinuationToken::random;

    private Builder() {}

    /**
     * Where continuations are kept (required).
     *
     * @param store the store
     * @return this builder
     */
    public Builder store(ContinuationStore store) {
      this.store = Objects.requireNonNull(store, "store");
      return this;
    }

    /**
     * Records the channel switches (required); it must verify continuation links, i.e. be built
     * with the same continuation store.
     *
     * @param interactions the interactions service
     * @return this builder
     */
    public Builder interactions(Interactions interactions) {
      this.interactions = Objects.requireNonNull(interactions, "interactions");
      return this;
    }

    /**
     * The clock (required).
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * How long a continuation can be resumed after it starts. Defaults to 30 days.
     *
     * @param timeToLive a positive duration
     * @return this builder
     */
    public Builder timeToLive(Duration timeToLive) {
      Objects.requireNonNull(timeToLive, "timeToLive");
      Checks.check(!timeToLive.isNegative() && !timeToLive.isZero(), "timeToLive must be positive, was %s",
          timeToLive);
      this.timeToLive = timeToLive;
      return this;
    }

    /**
     * The interaction class of recorded channel switches; it must be in the taxonomy. Defaults to
     * {@code continuation.channel-switch}.
     *
     * @param switchClass the class
     * @return this builder
     */
    public Builder switchClass(InteractionClass switchClass) {
      this.switchClass = Objects.requireNonNull(switchClass, "switchClass");
      return this;
    }

    /**
     * Makes tokens; for tests that need predictable tokens. Defaults to
     * {@link ContinuationToken#random()}.
     *
     * @param tokens the token source
     * @return this builder
     */
    public Builder tokens(Supplier<ContinuationToken> tokens) {
      this.tokens = Objects.requireNonNull(tokens, "tokens");
      return this;
    }

    /**
     * Builds the service.
     *
     * @return the service
     * @throws IllegalArgumentException if the switch class is not in the interactions' taxonomy
     */
    public Continuations build() {
      return new Continuations(this);
    }
  }
}
