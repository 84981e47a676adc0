package io.cemkit.core;

/**
 * A storage adapter failed (the database was unreachable, a statement failed). The cause is the
 * adapter's own exception. Nothing was written: adapters apply each operation atomically.
 */
public class StorageException extends CemkitException {
  private static final long serialVersionUID = 1L;

  /**
   * Wraps an adapter failure.
   *
   * @param message what was being done, e.g. "Cannot update agreement AG-42"
   * @param cause the adapter's exception
   */
  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }
}
