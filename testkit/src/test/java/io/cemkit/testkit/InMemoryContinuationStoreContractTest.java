package io.cemkit.testkit;

import io.cemkit.core.spi.ContinuationStore;

/** The in-memory default passes the contract every ContinuationStore adapter must pass. */
class InMemoryContinuationStoreContractTest extends ContinuationStoreContract {

  @Override
  protected ContinuationStore create() {
    return ContinuationStore.inMemory();
  }
}
