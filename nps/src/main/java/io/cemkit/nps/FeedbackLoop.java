package io.cemkit.nps;

import io.cemkit.core.Actor;
import io.cemkit.core.CustomerId;
import io.cemkit.core.FeedbackSummary;
import io.cemkit.core.ProcessInstanceId;
import io.cemkit.core.StaleWriteException;
import io.cemkit.core.UnknownEntityException;
import io.cemkit.core.spi.FeedbackSource;
import io.cemkit.core.spi.Versioned;
import io.cemkit.nps.spi.FeedbackListener;
import io.cemkit.nps.spi.FeedbackStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The closed feedback loop (N6, N7): records responses, opens a {@link FollowUp} for every
 * detractor (and, if asked, for every promoter), tells the {@link FeedbackListener}s, and tracks
 * each follow-up to its resolution. It is also the customer context's {@link FeedbackSource}.
 *
 * <pre>{@code
 * FeedbackLoop loop = FeedbackLoop.builder()
 *     .clock(clock)
 *     .listener(new FeedbackListener() {
 *       public void onDetractor(NpsResponse r, FollowUp f) { complaints.start(f); }
 *     })
 *     .build();
 * loop.record(NpsResponse.forInteraction(ResponseId.of("R-1"), call, 3, clock.instant()).build());
 * }</pre>
 *
 * <p>A follow-up has the same id code as its response. Thread-safe when its store is. Follow-up changes retry on a concurrent update (re-reading and
 * re-checking the transition) instead of handing the conflict to the caller.
 */
public final class FeedbackLoop implements FeedbackSource {
  private static final Logger LOG = LoggerFactory.getLogger(FeedbackLoop.class);
  private static final int MAX_RETRIES = 16;

  private final Clock clock;
  private final NpsScale scale;
  private final FeedbackStore store;
  private final List<FeedbackListener> listeners;
  private final boolean followUpPromoters;

  private FeedbackLoop(Builder builder) {
    this.clock = builder.clock;
    this.scale = builder.scale;
    this.store = builder.store;
    this.listeners = List.copyOf(builder.listeners);
    this.followUpPromoters = builder.followUpPromoters;
  }

  /**
   * A loop with the classic scale, an in-memory store, no listeners and the system clock in UTC.
   *
   * @return the loop
   */
  public static FeedbackLoop ofDefaults() {
    return builder().build();
  }

  /**
   * A builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Records a response: checks its score against the scale, stores it, opens a follow-up for a
   * detractor (and for a promoter if configured), then calls the listeners.
   *
   * @param response the response
   * @return what was recorded: the category and the follow-up, if one was opened
   * @throws InvalidScoreException if the score is not on the scale; nothing is stored
   * @throws io.cemkit.core.DuplicateEntityException if a response with its id exists
   */
  public Recorded record(NpsResponse response) {
    Objects.requireNonNull(response, "response");
    if (!scale.isValid(response.score())) {
      throw new InvalidScoreException(response.score(), "of response " + response.id(), scale);
    }
    NpsCategory category = scale.categoryOf(response.score());
    // Everything that can fail is built before the response is stored, so a refusal stores nothing.
    Optional<FollowUp> followUp = Optional.empty();
    if (category == NpsCategory.DETRACTOR || (category == NpsCategory.PROMOTER && followUpPromoters)) {
      followUp = Optional.of(FollowUp.builder()
          .id(FollowUpId.of(response.id().value()))
          .response(response.id())
          .customer(response.customer())
          .reason(category)
          .state(FollowUpState.OPEN)
          .openedAt(clock.instant())
          .build());
    }
    store.append(response);
    followUp.ifPresent(store::insert);
    LOG.debug("Recorded NPS response {} as {}", response.id(), category);
    for (FeedbackListener listener : listeners) {
      listener.onResponse(response);
      if (category == NpsCategory.DETRACTOR) {
        listener.onDetractor(response, followUp.orElseThrow());
      } else if (category == NpsCategory.PROMOTER) {
        listener.onPromoter(response);
      }
    }
    return new Recorded(response, category, followUp);
  }

  /**
   * Marks a follow-up as contacted now.
   *
   * @param id the follow-up
   * @param by who reached the customer
   * @return the follow-up in its new state
   * @throws UnknownEntityException if there is no such follow-up
   * @throws io.cemkit.core.IllegalTransitionException unless it is open
   */
  public FollowUp contact(FollowUpId id, Actor by) {
    Objects.requireNonNull(by, "by");
    return change(id, f -> f.contact(by, clock.instant()), true);
  }

  /**
   * Closes a follow-up now.
   *
   * @param id the follow-up
   * @param resolution how it was resolved, in a few words (no personal data)
   * @return the follow-up in its new state
   * @throws UnknownEntityException if there is no such follow-up
   * @throws io.cemkit.core.IllegalTransitionException if it is already resolved
   */
  public FollowUp resolve(FollowUpId id, String resolution) {
    Objects.requireNonNull(resolution, "resolution");
    return change(id, f -> f.resolve(resolution, clock.instant()), true);
  }

  /**
   * Links a follow-up to the process the host started for it.
   *
   * @param id the follow-up
   * @param process the process instance
   * @return the linked follow-up
   * @throws UnknownEntityException if there is no such follow-up
   * @throws IllegalStateException if it is linked to another process
   */
  public FollowUp linkProcess(FollowUpId id, ProcessInstanceId process) {
    Objects.requireNonNull(process, "process");
    return change(id, f -> f.linkedTo(process), false);
  }

  private FollowUp change(FollowUpId id, UnaryOperator<FollowUp> change, boolean notify) {
    Objects.requireNonNull(id, "id");
    for (int attempt = 1; ; attempt++) {
      Versioned<FollowUp> stored = followUpOrThrow(id);
      FollowUp next = change.apply(stored.value());
      try {
        store.update(next, stored.revision());
      } catch (StaleWriteException e) {
        if (attempt == MAX_RETRIES) {
          throw e;
        }
        continue;
      }
      if (notify) {
        listeners.forEach(l -> l.onFollowUpChanged(next));
      }
      return next;
    }
  }

  private Versioned<FollowUp> followUpOrThrow(FollowUpId id) {
    return store.followUp(id).orElseThrow(() -> new UnknownEntityException("FollowUp", id.value(),
        "follow-ups are opened by FeedbackLoop.record for detractors" + (followUpPromoters ? " and promoters" : "")));
  }

  /**
   * A follow-up.
   *
   * @param id its id
   * @return the follow-up, or empty
   */
  public Optional<FollowUp> followUp(FollowUpId id) {
    return store.followUp(id).map(Versioned::value);
  }

  /**
   * The follow-ups in a state, oldest first.
   *
   * @param state the state
   * @return the follow-ups
   */
  public List<FollowUp> followUps(FollowUpState state) {
    List<FollowUp> result = new ArrayList<>();
    store.followUps(state).forEach(v -> result.add(v.value()));
    return result;
  }

  /**
   * The tally of the responses given in {@code [from, to)}, weighted when a response's weight is
   * not 1.
   *
   * @param from the first instant, inclusive
   * @param to the end, exclusive
   * @return a strict tally on the loop's scale
   */
  public NpsTally tally(Instant from, Instant to) {
    NpsTally tally = NpsTally.strict(scale);
    for (NpsResponse r : store.responses(from, to)) {
      if (r.weight() == 1) {
        tally.record(r.score());
      } else {
        tally.record(r.score(), r.weight());
      }
    }
    return tally;
  }

  /**
   * The responses given in {@code [from, to)}, by time.
   *
   * @param from the first instant, inclusive
   * @param to the end, exclusive
   * @return the responses
   */
  public List<NpsResponse> responses(Instant from, Instant to) {
    return store.responses(from, to);
  }

  /**
   * The customer's latest response, as the customer context shows it.
   *
   * @param customer the customer
   * @param at the instant
   * @return the feedback, or empty
   */
  @Override
  public Optional<FeedbackSummary> latestFor(CustomerId customer, Instant at) {
    return store.latestFor(customer, at).map(r -> {
      var summary = FeedbackSummary.builder().at(r.at()).score(r.score()).hasComment(r.comment().isPresent());
      r.touchpoint().ifPresent(summary::touchpoint);
      r.interaction().ifPresent(summary::interaction);
      return summary.build();
    });
  }

  /**
   * The scale responses are checked against.
   *
   * @return the scale
   */
  public NpsScale scale() {
    return scale;
  }

  /**
   * What {@link #record} did with a response.
   *
   * @param response the response
   * @param category its category
   * @param followUp the follow-up opened for it, if any
   */
  public record Recorded(NpsResponse response, NpsCategory category, Optional<FollowUp> followUp) {
    /**
     * Checks the parts.
     *
     * @param response the response
     * @param category its category
     * @param followUp the follow-up opened for it, if any
     */
    public Recorded {
      Objects.requireNonNull(response, "response");
      Objects.requireNonNull(category, "category");
      Objects.requireNonNull(followUp, "followUp");
    }
  }

  /** Configures a {@link FeedbackLoop}. */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private NpsScale scale = NpsScale.classic();
    private FeedbackStore store = FeedbackStore.inMemory();
    private final List<FeedbackListener> listeners = new ArrayList<>();
    private boolean followUpPromoters;

    private Builder() {}

    /**
     * The clock that stamps follow-ups (default: system clock, UTC).
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * The scale responses are checked against (default: classic 0–10).
     *
     * @param scale the scale
     * @return this builder
     */
    public Builder scale(NpsScale scale) {
      this.scale = Objects.requireNonNull(scale, "scale");
      return this;
    }

    /**
     * Where responses and follow-ups are stored (default: in memory).
     *
     * @param store the store
     * @return this builder
     */
    public Builder store(FeedbackStore store) {
      this.store = Objects.requireNonNull(store, "store");
      return this;
    }

    /**
     * Adds a listener; listeners are called in the order added.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder listener(FeedbackListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * Whether promoters also get a follow-up (an invitation to recommend to track); default false.
     *
     * @param followUp true to open one
     * @return this builder
     */
    public Builder followUpPromoters(boolean followUp) {
      this.followUpPromoters = followUp;
      return this;
    }

    /**
     * Builds the loop.
     *
     * @return the loop
     */
    public FeedbackLoop build() {
      return new FeedbackLoop(this);
    }
  }
}
