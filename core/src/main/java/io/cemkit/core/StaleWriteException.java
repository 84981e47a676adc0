package io.cemkit.core;

/**
 * An update was based on a revision that is no longer current: someone else changed the record in
 * between. The update was not applied (no lost update); re-read the record, re-apply the change and
 * try again.
 */
public final class StaleWriteException extends CemkitException {
  private static final long serialVersionUID = 1L;

  /** The kind of record. */
  private final String kind;
  /** The record's id. */
  private final String id;
  /** The revision the writer expected. */
  private final long expectedRevision;
  /** The revision found in storage. */
  private final long actualRevision;

  /**
   * Creates the exception.
   *
   * @param kind the kind of record, e.g. {@code "Agreement"}
   * @param id the record's id
   * @param expectedRevision the revision the writer read
   * @param actualRevision the revision in storage
   */
  public StaleWriteException(String kind, String id, long expectedRevision, long actualRevision) {
    super(kind + " " + id + " was changed by someone else: the update expected revision " + expectedRevision
        + " but the stored revision is " + actualRevision + "; re-read it and apply the change again");
    this.kind = kind;
    this.id = id;
    this.expectedRevision = expectedRevision;
    this.actualRevision = actualRevision;
  }

  /**
   * The kind of record.
   *
   * @return e.g. {@code "Agreement"}
   */
  public String kind() {
    return kind;
  }

  /**
   * The record's id.
   *
   * @return the id
   */
  public String id() {
    return id;
  }

  /**
   * The revision the writer expected.
   *
   * @return the expected revision
   */
  public long expectedRevision() {
    return expectedRevision;
  }

  /**
   * The revision in storage.
   *
   * @return the actual revision
   */
  public long actualRevision() {
    return actualRevision;
  }
}
