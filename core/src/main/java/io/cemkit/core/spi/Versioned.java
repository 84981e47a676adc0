package io.cemkit.core.spi;

import java.util.Objects;

/**
 * A stored record and its revision. The revision is 1 after insertion and grows by one with each
 * update; an update names the revision it was based on, and a store refuses it if that is no longer
 * the stored revision ({@link io.cemkit.core.StaleWriteException}), so concurrent writers never lose
 * each other's changes.
 *
 * @param <T> the record type
 */
public final class Versioned<T> {
  private final T value;
  private final long revision;

  private Versioned(T value, long revision) {
    this.value = Objects.requireNonNull(value, "value");
    if (revision < 1) {
      throw new IllegalArgumentException("Versioned.revision must be at least 1, was " + revision);
    }
    this.revision = revision;
  }

  /**
   * A record at a revision.
   *
   * @param value the record
   * @param revision its revision, from 1
   * @param <T> the record type
   * @return the versioned record
   */
  public static <T> Versioned<T> of(T value, long revision) {
    return new Versioned<>(value, revision);
  }

  /**
   * The record.
   *
   * @return the record
   */
  public T value() {
    return value;
  }

  /**
   * The revision.
   *
   * @return from 1
   */
  public long revision() {
    return revision;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Versioned && ((Versioned<?>) other).revision == revision
        && ((Versioned<?>) other).value.equals(value);
  }

  @Override
  public int hashCode() {
    return 31 * value.hashCode() + Long.hashCode(revision);
  }

  @Override
  public String toString() {
    return value + "@" + revision;
  }
}
