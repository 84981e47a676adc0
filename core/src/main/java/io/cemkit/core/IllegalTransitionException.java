package io.cemkit.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An action that the entity's current state does not allow, e.g. resuming a terminated agreement.
 *
 * <p>The message names the entity, its state, the action and the actions that are allowed:
 * {@code Agreement AG-42 is TERMINATED; RESUME is not allowed (TERMINATED is final). Allowed
 * actions: none}.
 */
public class IllegalTransitionException extends CemkitException {
  private static final long serialVersionUID = 1L;

  /** The kind of entity. */
  private final String subject;
  /** The entity's id. */
  private final String entityId;
  /** The state's name. */
  private final String state;
  /** The refused action's name. */
  private final String action;
  /** The allowed actions' names. */
  private final List<String> allowedActions;

  /**
   * Creates the exception.
   *
   * @param subject what kind of entity, e.g. {@code "Agreement"}
   * @param entityId the entity's id
   * @param state its current state
   * @param action the action that was refused
   * @param allowedActions the actions its state allows
   * @param reason why the action is refused, if the transition table says
   */
  public IllegalTransitionException(String subject, String entityId, Enum<?> state, Enum<?> action,
      Set<? extends Enum<?>> allowedActions, Optional<String> reason) {
    this(subject, entityId, state, action, allowedActions, reason, "");
  }

  /**
   * Creates the exception with extra detail appended to the standard message.
   *
   * @param subject what kind of entity, e.g. {@code "Amendment"}
   * @param entityId the entity's id
   * @param state its current state
   * @param action the action that was refused
   * @param allowedActions the actions its state allows
   * @param reason why the action is refused, if the transition table says
   * @param detail more context, appended after the standard message; may be empty
   */
  protected IllegalTransitionException(String subject, String entityId, Enum<?> state, Enum<?> action,
      Set<? extends Enum<?>> allowedActions, Optional<String> reason, String detail) {
    super(message(subject, entityId, state, action, allowedActions, reason) + detail);
    this.subject = subject;
    this.entityId = entityId;
    this.state = state.name();
    this.action = action.name();
    this.allowedActions = allowedActions.stream().map(Enum::name).sorted().collect(Collectors.toUnmodifiableList());
  }

  private static String message(String subject, String entityId, Enum<?> state, Enum<?> action,
      Set<? extends Enum<?>> allowed, Optional<String> reason) {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(entityId, "entityId");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(allowed, "allowedActions");
    Objects.requireNonNull(reason, "reason");
    String allowedText = allowed.isEmpty() ? "none"
        : allowed.stream().map(Enum::name).sorted().collect(Collectors.joining(", "));
    return subject + " " + entityId + " is " + state.name() + "; " + action.name() + " is not allowed"
        + reason.map(r -> " (" + r + ")").orElse("") + ". Allowed actions: " + allowedText;
  }

  /**
   * The kind of entity, e.g. {@code "Agreement"}.
   *
   * @return the subject
   */
  public String subject() {
    return subject;
  }

  /**
   * The entity's id.
   *
   * @return the id
   */
  public String entityId() {
    return entityId;
  }

  /**
   * The entity's state when the action was refused.
   *
   * @return the state's name
   */
  public String state() {
    return state;
  }

  /**
   * The refused action.
   *
   * @return the action's name
   */
  public String action() {
    return action;
  }

  /**
   * The actions the state allows, sorted by name.
   *
   * @return the names of the allowed actions
   */
  public List<String> allowedActions() {
    return allowedActions;
  }
}
