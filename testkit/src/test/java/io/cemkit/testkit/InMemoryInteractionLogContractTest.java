package io.cemkit.testkit;

import io.cemkit.core.spi.InteractionLog;

/** The in-memory default passes the contract every InteractionLog adapter must pass. */
class InMemoryInteractionLogContractTest extends InteractionLogContract {

  @Override
  protected InteractionLog create() {
    return InteractionLog.inMemory();
  }
}
