package io.cemkit.testkit;

import io.cemkit.workflow.spi.AuditLog;

/** The in-memory default passes the contract every AuditLog adapter must pass. */
class InMemoryAuditLogContractTest extends AuditLogContract {

  @Override
  protected AuditLog create() {
    return AuditLog.inMemory();
  }
}
