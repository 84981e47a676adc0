package io.cemkit.testkit;

import io.cemkit.core.spi.AgreementStore;

/** The in-memory default passes the contract every AgreementStore adapter must pass. */
class InMemoryAgreementStoreContractTest extends AgreementStoreContract {

  @Override
  protected AgreementStore create() {
    return AgreementStore.inMemory();
  }
}
