package io.cemkit.testkit;

import io.cemkit.core.spi.CustomerStore;

/** The in-memory default passes the contract every CustomerStore adapter must pass. */
class InMemoryCustomerStoreContractTest extends CustomerStoreContract {

  @Override
  protected CustomerStore create() {
    return CustomerStore.inMemory();
  }
}
