package io.cemkit.nps;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.cemkit.core.Actor;
import io.cemkit.core.CustomerId;
import io.cemkit.core.IllegalTransitionException;
import io.cemkit.core.ProcessInstanceId;
import io.cemkit.core.internal.Checks;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * The closed loop on one response (N6): a detractor to win back (or a promoter to invite to
 * recommend), tracked from {@link FollowUpState#OPEN} through {@link FollowUpState#CONTACTED} to
 * {@link FollowUpState#RESOLVED}, with the times of each step and the process the host started for
 * it. Immutable: {@link #contact} and {@link #resolve} return the next state.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableFollowUp.class)
@JsonDeserialize(as = ImmutableFollowUp.class)
public abstract class FollowUp {
  FollowUp() {}

  /**
   * The follow-up's id.
   *
   * @return the id
   */
  @JsonProperty("id")
  public abstract FollowUpId id();

  /**
   * The response it follows.
   *
   * @return the response's id
   */
  @JsonProperty("response")
  public abstract ResponseId response();

  /**
   * The customer to contact, if known.
   *
   * @return the customer
   */
  @JsonProperty("customer")
  public abstract Optional<CustomerId> customer();

  /**
   * Why it was opened: {@link NpsCategory#DETRACTOR} (win back) or {@link NpsCategory#PROMOTER}
   * (invite to recommend).
   *
   * @return the category of the response
   */
  @JsonProperty("reason")
  public abstract NpsCategory reason();

  /**
   * The state.
   *
   * @return the state
   */
  @JsonProperty("state")
  public abstract FollowUpState state();

  /**
   * When it was opened (when the response was recorded).
   *
   * @return the instant
   */
  @JsonProperty("openedAt")
  public abstract Instant openedAt();

  /**
   * When the customer was reached.
   *
   * @return the instant
   */
  @JsonProperty("contactedAt")
  public abstract Optional<Instant> contactedAt();

  /**
   * Who reached the customer.
   *
   * @return the actor
   */
  @JsonProperty("contactedBy")
  public abstract Optional<Actor> contactedBy();

  /**
   * When it was resolved.
   *
   * @return the instant
   */
  @JsonProperty("resolvedAt")
  public abstract Optional<Instant> resolvedAt();

  /**
   * How it was resolved, in a few words (no personal data).
   *
   * @return the resolution
   */
  @JsonProperty("resolution")
  public abstract Optional<String> resolution();

  /**
   * The process the host started for it (for example a complaint-handling workflow).
   *
   * @return the process instance
   */
  @JsonProperty("process")
  public abstract Optional<ProcessInstanceId> process();

  /**
   * Time from opening to resolution.
   *
   * @return the duration, empty while not resolved
   */
  public Optional<Duration> timeToClose() {
    return resolvedAt().map(r -> Duration.between(openedAt(), r));
  }

  /**
   * Time from opening to the first contact.
   *
   * @return the duration, empty while not contacted
   */
  public Optional<Duration> timeToContact() {
    return contactedAt().map(c -> Duration.between(openedAt(), c));
  }

  /**
   * The follow-up once the customer has been reached.
   *
   * @param by who reached the customer
   * @param at when
   * @return the contacted follow-up
   * @throws IllegalTransitionException unless the follow-up is open
   * @throws IllegalArgumentException if {@code at} is before the opening
   */
  public FollowUp contact(Actor by, Instant at) {
    requireState(Action.CONTACT, EnumSet.of(FollowUpState.OPEN));
    return next(FollowUpState.CONTACTED).contactedBy(by).contactedAt(at).build();
  }

  /**
   * The follow-up closed.
   *
   * @param resolution how it was resolved
   * @param at when
   * @return the resolved follow-up
   * @throws IllegalTransitionException if it is already resolved
   * @throws IllegalArgumentException if {@code at} is before the opening or the contact
   */
  public FollowUp resolve(String resolution, Instant at) {
    requireState(Action.RESOLVE, EnumSet.of(FollowUpState.OPEN, FollowUpState.CONTACTED));
    ImmutableFollowUp.Builder next = next(FollowUpState.RESOLVED).resolution(resolution).resolvedAt(at);
    contactedBy().ifPresent(next::contactedBy);
    contactedAt().ifPresent(next::contactedAt);
    return next.build();
  }

  /**
   * The follow-up linked to the process the host started for it.
   *
   * @param process the process instance
   * @return the linked follow-up
   * @throws IllegalStateException if it is already linked to another process
   */
  public FollowUp linkedTo(ProcessInstanceId process) {
    Objects.requireNonNull(process, "process");
    if (process().isPresent()) {
      if (!process().get().equals(process)) {
        throw new IllegalStateException("FollowUp " + id() + " is already linked to process " + process().get());
      }
      return this;
    }
    ImmutableFollowUp.Builder next = next(state()).process(process);
    contactedBy().ifPresent(next::contactedBy);
    contactedAt().ifPresent(next::contactedAt);
    resolution().ifPresent(next::resolution);
    resolvedAt().ifPresent(next::resolvedAt);
    return next.build();
  }

  /** A builder with the fixed fields and any process; the state's own fields are the caller's. */
  private ImmutableFollowUp.Builder next(FollowUpState state) {
    ImmutableFollowUp.Builder next = builder().id(id()).response(response()).customer(customer())
        .reason(reason()).openedAt(openedAt()).state(state);
    process().ifPresent(next::process);
    return next;
  }

  private void requireState(Action action, Set<FollowUpState> allowedFrom) {
    if (!allowedFrom.contains(state())) {
      Set<Action> allowed = EnumSet.noneOf(Action.class);
      if (state() == FollowUpState.OPEN) {
        allowed.addAll(EnumSet.allOf(Action.class));
      } else if (state() == FollowUpState.CONTACTED) {
        allowed.add(Action.RESOLVE);
      }
      throw new IllegalTransitionException("FollowUp", id().value(), state(), action, allowed,
          Optional.empty());
    }
  }

  /** The actions on a follow-up, named in {@link IllegalTransitionException} messages. */
  public enum Action {
    /** The customer was reached. */
    CONTACT,
    /** The follow-up is closed. */
    RESOLVE
  }

  /**
   * A builder.
   *
   * @return a new builder
   */
  public static ImmutableFollowUp.Builder builder() {
    return ImmutableFollowUp.builder();
  }

  @Value.Check
  void check() {
    Checks.check(reason() != NpsCategory.PASSIVE, "FollowUp %s: reason must be DETRACTOR or PROMOTER, was PASSIVE",
        id());
    Checks.check(contactedAt().isPresent() == contactedBy().isPresent(),
        "FollowUp %s: contactedAt and contactedBy go together", id());
    Checks.check(state() != FollowUpState.OPEN || (contactedAt().isEmpty() && resolvedAt().isEmpty()),
        "FollowUp %s is OPEN but has a contact or resolution time", id());
    Checks.check(state() != FollowUpState.CONTACTED || (contactedAt().isPresent() && resolvedAt().isEmpty()),
        "FollowUp %s is CONTACTED and needs a contact time and no resolution", id());
    Checks.check((state() == FollowUpState.RESOLVED) == resolvedAt().isPresent()
        && resolvedAt().isPresent() == resolution().isPresent(),
        "FollowUp %s: resolvedAt and resolution are present exactly when RESOLVED", id());
    contactedAt().ifPresent(c -> Checks.check(!c.isBefore(openedAt()),
        "FollowUp %s: contactedAt %s is before openedAt %s", id(), c, openedAt()));
    resolvedAt().ifPresent(r -> Checks.check(!r.isBefore(contactedAt().orElse(openedAt())),
        "FollowUp %s: resolvedAt %s is before %s", id(), r, contactedAt().orElse(openedAt())));
    resolution().ifPresent(r -> Checks.text("FollowUp.resolution", r, 500));
  }
}
