package io.cemkit.core;

/**
 * A closed interaction was about to be modified. Closed interactions are history: record a
 * correction instead ({@link Interactions#correct}), a new interaction that refers to the old one.
 */
public final class ClosedInteractionException extends CemkitException {
  private static final long serialVersionUID = 1L;

  /** The closed interaction. */
  private final InteractionId id;

  /**
   * Creates the exception.
   *
   * @param id the closed interaction
   * @param closedAt when it was closed
   */
  public ClosedInteractionException(InteractionId id, java.time.Instant closedAt) {
    super("Interaction " + id + " was closed at " + closedAt + " and is never modified; record a correction that "
        + "refers to it instead");
    this.id = id;
  }

  /**
   * The closed interaction.
   *
   * @return its id
   */
  public InteractionId id() {
    return id;
  }
}
