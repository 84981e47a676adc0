package io.cemkit.core;

/** A record was inserted with an id that is already stored. Nothing was written. */
public final class DuplicateEntityException extends CemkitException {
  private static final long serialVersionUID = 1L;

  /** The kind of record. */
  private final String kind;
  /** The id that exists already. */
  private final String id;

  /**
   * Creates the exception.
   *
   * @param kind the kind of record, e.g. {@code "Interaction"}
   * @param id the id that exists already
   */
  public DuplicateEntityException(String kind, String id) {
    super(kind + " " + id + " already exists; ids are never reused"
        + ("Interaction".equals(kind) ? " (an interaction is corrected by a new record that refers to it)" : ""));
    this.kind = kind;
    this.id = id;
  }

  /**
   * The kind of record.
   *
   * @return e.g. {@code "Interaction"}
   */
  public String kind() {
    return kind;
  }

  /**
   * The id that exists already.
   *
   * @return the id
   */
  public String id() {
    return id;
  }
}
