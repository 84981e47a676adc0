package io.cemkit.core;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.cemkit.core.internal.Checks;
import java.util.Objects;
import org.immutables.value.Value;

/**
 * Who performed a change or an interaction: the customer, an agent, a bot, a partner or the
 * system. The id is an internal code (an employee number, a bot name), never personal data.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableActor.class)
@JsonDeserialize(as = ImmutableActor.class)
public abstract class Actor {
  Actor() {}

  /**
   * The kind of actor.
   *
   * @return the kind
   */
  @Value.Parameter
  public abstract ActorKind kind();

  /**
   * The actor's code.
   *
   * @return the id
   */
  @Value.Parameter
  public abstract String id();

  /**
   * An actor.
   *
   * @param kind the kind
   * @param id the actor's code
   * @return the actor
   */
  public static Actor of(ActorKind kind, String id) {
    return ImmutableActor.of(kind, id);
  }

  /**
   * The customer acting for themselves.
   *
   * @param customer the customer
   * @return the actor
   */
  public static Actor customer(CustomerId customer) {
    return of(ActorKind.CUSTOMER, Objects.requireNonNull(customer, "customer").value());
  }

  /**
   * A human agent.
   *
   * @param id the agent's code
   * @return the actor
   */
  public static Actor agent(String id) {
    return of(ActorKind.AGENT, id);
  }

  /**
   * An automated process.
   *
   * @param id the process's name
   * @return the actor
   */
  public static Actor system(String id) {
    return of(ActorKind.SYSTEM, id);
  }

  /**
   * A bot.
   *
   * @param id the bot's name
   * @return the actor
   */
  public static Actor bot(String id) {
    return of(ActorKind.BOT, id);
  }

  /**
   * An external partner.
   *
   * @param id the partner's code
   * @return the actor
   */
  public static Actor partner(String id) {
    return of(ActorKind.PARTNER, id);
  }

  @Value.Check
  void check() {
    Checks.code("Actor.id", id());
  }

  /** {@code KIND:id}, e.g. {@code AGENT:a-17}. */
  @Override
  public String toString() {
    return kind() + ":" + id();
  }
}
