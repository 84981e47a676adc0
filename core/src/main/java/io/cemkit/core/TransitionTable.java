package io.cemkit.core;

import io.cemkit.core.internal.Checks;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A complete state machine: for every state and every action, either the state the action leads
 * to, or the reason it is forbidden.
 *
 * <p>Every cell must be declared. {@link Builder#build()} refuses a table with an undeclared cell
 * and lists the missing ones, so adding a state or an action to an enum cannot silently leave a
 * gap (the failure mode of status picklists and partial allowed-action lists). One table drives
 * each of cemkit's state machines (agreements, assets, amendments) and hosts can build their own.
 *
 * <pre>{@code
 * TransitionTable<Light, Press> t = TransitionTable.builder("Light", Light.class, Press.class)
 *     .allow(Light.OFF, Press.SWITCH, Light.ON)
 *     .allow(Light.ON, Press.SWITCH, Light.OFF)
 *     .forbid(Light.OFF, "the light is already off", Press.DIM)
 *     .allow(Light.ON, Press.DIM, Light.ON)
 *     .build();
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param <S> the states
 * @param <A> the actions
 */
public final class TransitionTable<S extends Enum<S>, A extends Enum<A>> {
  private final String subject;
  private final Class<S> stateType;
  private final Class<A> actionType;
  private final Map<S, Map<A, S>> allowed;
  private final Map<S, Map<A, String>> forbidden;

  private TransitionTable(Builder<S, A> builder) {
    this.subject = builder.subject;
    this.stateType = builder.stateType;
    this.actionType = builder.actionType;
    Map<S, Map<A, S>> allow = new EnumMap<>(stateType);
    Map<S, Map<A, String>> forbid = new EnumMap<>(stateType);
    for (S state : stateType.getEnumConstants()) {
      allow.put(state, Collections.unmodifiableMap(new EnumMap<>(builder.allowed.get(state))));
      forbid.put(state, Collections.unmodifiableMap(new EnumMap<>(builder.forbidden.get(state))));
    }
    this.allowed = Collections.unmodifiableMap(allow);
    this.forbidden = Collections.unmodifiableMap(forbid);
  }

  /**
   * Starts a table.
   *
   * @param subject what the states belong to, used in messages (e.g. {@code "Agreement"})
   * @param stateType the state enum
   * @param actionType the action enum
   * @param <S> the states
   * @param <A> the actions
   * @return a builder
   */
  public static <S extends Enum<S>, A extends Enum<A>> Builder<S, A> builder(String subject, Class<S> stateType,
      Class<A> actionType) {
    return new Builder<>(subject, stateType, actionType);
  }

  /**
   * What the states belong to, e.g. {@code "Agreement"}.
   *
   * @return the subject
   */
  public String subject() {
    return subject;
  }

  /**
   * The state {@code action} leads to from {@code from}.
   *
   * @param entityId the entity's id, for the error message
   * @param from the current state
   * @param action the action
   * @return the next state
   * @throws IllegalTransitionException if the cell is forbidden
   */
  public S next(String entityId, S from, A action) {
    Objects.requireNonNull(entityId, "entityId");
    S to = allowed.get(Objects.requireNonNull(from, "from")).get(Objects.requireNonNull(action, "action"));
    if (to == null) {
      throw new IllegalTransitionException(subject, entityId, from, action, allowedActions(from),
          forbiddenReason(from, action));
    }
    return to;
  }

  /**
   * The state {@code action} leads to, if allowed.
   *
   * @param from the current state
   * @param action the action
   * @return the next state, or empty if forbidden
   */
  public Optional<S> target(S from, A action) {
    return Optional.ofNullable(allowed.get(Objects.requireNonNull(from, "from")).get(Objects.requireNonNull(action, "action")));
  }

  /**
   * Whether {@code action} is allowed in {@code state}.
   *
   * @param state the state
   * @param action the action
   * @return true if allowed
   */
  public boolean isAllowed(S state, A action) {
    return target(state, action).isPresent();
  }

  /**
   * Why {@code action} is forbidden in {@code state}.
   *
   * @param state the state
   * @param action the action
   * @return the reason, or empty if the action is allowed or forbidden without a stated reason
   */
  public Optional<String> forbiddenReason(S state, A action) {
    return Optional.ofNullable(forbidden.get(Objects.requireNonNull(state, "state")).get(action));
  }

  /**
   * The actions allowed in {@code state}, e.g. to enable buttons in a user interface.
   *
   * @param state the state
   * @return the allowed actions, in declaration order
   */
  public Set<A> allowedActions(S state) {
    Map<A, S> cells = allowed.get(Objects.requireNonNull(state, "state"));
    return cells.isEmpty() ? Collections.unmodifiableSet(EnumSet.noneOf(actionType))
        : Collections.unmodifiableSet(EnumSet.copyOf(cells.keySet()));
  }

  /**
   * Whether no action is allowed in {@code state}.
   *
   * @param state the state
   * @return true for a final state
   */
  public boolean isTerminal(S state) {
    return allowed.get(Objects.requireNonNull(state, "state")).isEmpty();
  }

  /**
   * All states, in declaration order.
   *
   * @return the states
   */
  public List<S> states() {
    return List.of(stateType.getEnumConstants());
  }

  /**
   * All actions, in declaration order.
   *
   * @return the actions
   */
  public List<A> actions() {
    return List.of(actionType.getEnumConstants());
  }

  /**
   * The table as Markdown: one row per state, one column per action, each cell the target state
   * or {@code —}.
   *
   * @return the table
   */
  public String toMarkdown() {
    StringBuilder out = new StringBuilder("| ").append(subject).append(" |");
    for (A action : actions()) {
      out.append(' ').append(action.name()).append(" |");
    }
    out.append("\n|---|");
    out.append("---|".repeat(actions().size()));
    for (S state : states()) {
      out.append("\n| ").append(state.name()).append(" |");
      for (A action : actions()) {
        out.append(' ').append(target(state, action).map(Enum::name).orElse("—")).append(" |");
      }
    }
    return out.append('\n').toString();
  }

  @Override
  public String toString() {
    return "TransitionTable[" + subject + "]";
  }

  /**
   * Declares a table's cells; {@link #build()} checks that every cell is declared once.
   *
   * @param <S> the states
   * @param <A> the actions
   */
  public static final class Builder<S extends Enum<S>, A extends Enum<A>> {
    private final String subject;
    private final Class<S> stateType;
    private final Class<A> actionType;
    private final Map<S, Map<A, S>> allowed;
    private final Map<S, Map<A, String>> forbidden;

    private Builder(String subject, Class<S> stateType, Class<A> actionType) {
      this.subject = Checks.text("subject", subject, 64);
      this.stateType = Objects.requireNonNull(stateType, "stateType");
      this.actionType = Objects.requireNonNull(actionType, "actionType");
      this.allowed = new EnumMap<>(stateType);
      this.forbidden = new EnumMap<>(stateType);
      for (S state : stateType.getEnumConstants()) {
        allowed.put(state, new EnumMap<>(actionType));
        forbidden.put(state, new EnumMap<>(actionType));
      }
    }

    /**
     * Allows {@code action} in {@code from}, leading to {@code to}.
     *
     * @param from the state
     * @param action the action
     * @param to the resulting state
     * @return this builder
     * @throws IllegalArgumentException if the cell is already declared
     */
    public Builder<S, A> allow(S from, A action, S to) {
      undeclared(from, action);
      allowed.get(from).put(action, Objects.requireNonNull(to, "to"));
      return this;
    }

    /**
     * Forbids {@code actions} in {@code state}, for a reason shown in the exception.
     *
     * @param state the state
     * @param reason why, e.g. "resume needs a suspended agreement"
     * @param actions the forbidden actions
     * @return this builder
     * @throws IllegalArgumentException if a cell is already declared
     */
    @SafeVarargs
    public final Builder<S, A> forbid(S state, String reason, A... actions) {
      Checks.text("reason", reason, 200);
      for (A action : actions) {
        undeclared(state, action);
        forbidden.get(state).put(action, reason);
      }
      return this;
    }

    /**
     * Forbids every action in {@code state} not yet declared, with the given reason. Use it after
     * the state's allowed cells to state why everything else is refused.
     *
     * @param state the state
     * @param reason why
     * @return this builder
     */
    public Builder<S, A> forbidOthers(S state, String reason) {
      Checks.text("reason", reason, 200);
      for (A action : actionType.getEnumConstants()) {
        if (!allowed.get(state).containsKey(action) && !forbidden.get(state).containsKey(action)) {
          forbidden.get(state).put(action, reason);
        }
      }
      return this;
    }

    /**
     * Declares {@code state} final: every action is forbidden.
     *
     * @param state the state
     * @return this builder
     * @throws IllegalArgumentException if any of its cells is already declared
     */
    public Builder<S, A> terminal(S state) {
      for (A action : actionType.getEnumConstants()) {
        undeclared(state, action);
        forbidden.get(state).put(action, state.name() + " is final");
      }
      return this;
    }

    private void undeclared(S state, A action) {
      Objects.requireNonNull(state, "state");
      Objects.requireNonNull(action, "action");
      Checks.check(!allowed.get(state).containsKey(action) && !forbidden.get(state).containsKey(action),
          "%s transition table declares %s × %s twice", subject, state, action);
    }

    /**
     * Builds the table.
     *
     * @return the table
     * @throws IllegalStateException naming every cell that is neither allowed nor forbidden
     */
    public TransitionTable<S, A> build() {
      List<String> missing = new ArrayList<>();
      for (S state : stateType.getEnumConstants()) {
        for (A action : actionType.getEnumConstants()) {
          if (!allowed.get(state).containsKey(action) && !forbidden.get(state).containsKey(action)) {
            missing.add(state.name() + " × " + action.name());
          }
        }
      }
      if (!missing.isEmpty()) {
        throw new IllegalStateException(subject + " transition table leaves " + missing.size()
            + " cell(s) undeclared: " + String.join(", ", missing));
      }
      return new TransitionTable<>(this);
    }
  }
}
