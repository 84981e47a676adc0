package io.cemkit.core;

/**
 * A storage adapter failed (the database was unreachable, a statement failed). The cause is the
 * adapter's own exception. Adapters apply each operation atomically, so nothing was written, with
 * one exception no client can rule out: if the connection broke during the commit itself, the
 * database may or may not have committed, and the message says so; read the record back before
 * retrying.
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
