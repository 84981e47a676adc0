package io.cemkit.workflow;

import io.cemkit.core.CemkitException;
import io.cemkit.core.ProcessInstanceId;
import io.cemkit.core.internal.Checks;

/**
 * A start whose idempotency key already started something else: another process, or the same
 * process for another customer. The key was reused by mistake; nothing is started and the other
 * instance is not revealed beyond its id.
 */
public final class StartConflictException extends CemkitException {
  private static final long serialVersionUID = 1L;

  /**
   * The exception.
   *
   * @param key the idempotency key
   * @param existing the instance it started
   * @param existingProcess that instance's process
   * @param requestedProcess the process asked for now
   */
  public StartConflictException(String key, ProcessInstanceId existing, String existingProcess,
      String requestedProcess) {
    super("Idempotency key '" + Checks.abbreviate(key) + "' already started instance " + existing + " of "
        + existingProcess + (existingProcess.equals(requestedProcess) ? " for another customer"
            : ", not " + requestedProcess) + "; use a new key for a new start");
  }
}
