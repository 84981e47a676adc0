package io.cemkit.testkit;

import io.cemkit.workflow.spi.InstanceStore;

/** The in-memory default passes the contract every InstanceStore adapter must pass. */
class InMemoryInstanceStoreContractTest extends InstanceStoreContract {

  @Override
  protected InstanceStore create() {
    return InstanceStore.inMemory();
  }
}
