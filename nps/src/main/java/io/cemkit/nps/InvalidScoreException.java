package io.cemkit.nps;

import io.cemkit.core.CemkitException;

/**
 * An answer that is not a point of the scale, rejected by a strict {@link NpsTally}. Carries the
 * value and its position so the caller can point at the offending answer.
 */
public final class InvalidScoreException extends CemkitException {
  private static final long serialVersionUID = 1L;

  private final long value;
  private final long position;

  /**
   * An invalid answer.
   *
   * @param value the answer as given
   * @param position its zero-based position in the input (array index, or the tally's answer count)
   * @param scale the scale it was checked against
   */
  public InvalidScoreException(long value, long position, NpsScale scale) {
    this(value, position, "at position " + position, scale);
  }

  /**
   * An invalid answer described by where it came from rather than a position.
   *
   * @param value the answer as given
   * @param where where it came from, for example {@code "of response R-17"}
   * @param scale the scale it was checked against
   */
  public InvalidScoreException(long value, String where, NpsScale scale) {
    this(value, -1, where, scale);
  }

  private InvalidScoreException(long value, long position, String where, NpsScale scale) {
    super("Score " + value + " " + where + " is not on the " + scale + " scale; expected an integer from "
        + scale.min() + " to " + scale.max());
    this.value = value;
    this.position = position;
  }

  /**
   * The answer as given.
   *
   * @return the value
   */
  public long value() {
    return value;
  }

  /**
   * Its zero-based position in the input.
   *
   * @return the position, or −1 when the answer was not read from a sequence
   */
  public long position() {
    return position;
  }
}
