package io.cemkit.testkit;

import io.cemkit.nps.spi.FeedbackStore;

/** The in-memory default passes the contract every FeedbackStore adapter must pass. */
class InMemoryFeedbackStoreContractTest extends FeedbackStoreContract {

  @Override
  protected FeedbackStore create() {
    return FeedbackStore.inMemory();
  }
}
