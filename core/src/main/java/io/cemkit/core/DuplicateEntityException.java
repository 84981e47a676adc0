package io.cemkit.core;

/** A record was inserted with an id that is already stored. Nothing was written. */
public final class DuplicateEntityException extends CemkitException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param kind the kind of record, e.g. {@code "Interaction"}
   * @param id the id that exists already
   */
  public DuplicateEntityException(String kind, String id) {
    super(kind + " " + id + " already exists; ids are never reused"
        + ("Interaction".equals(kind) ? " (an interaction is corrected by a new record that refers to it)" : ""));
  }
}
