package io.cemkit.core;

/** A record that an operation needs does not exist, e.g. an interaction for an unknown customer. */
public final class UnknownEntityException extends CemkitException {
  private static final long serialVersionUID = 1L;

  /** The kind of record. */
  private final String kind;
  /** The missing record's id. */
  private final String id;

  /**
   * Creates the exception.
   *
   * @param kind the kind of record, e.g. {@code "Customer"}
   * @param id the missing id
   * @param context what needed it, e.g. "cannot record interaction I-7"
   */
  public UnknownEntityException(String kind, String id, String context) {
    super(kind + " " + id + " does not exist; " + context);
    this.kind = kind;
    this.id = id;
  }

  /**
   * The kind of record.
   *
   * @return e.g. {@code "Customer"}
   */
  public String kind() {
    return kind;
  }

  /**
   * The missing record's id.
   *
   * @return the id
   */
  public String id() {
    return id;
  }
}
