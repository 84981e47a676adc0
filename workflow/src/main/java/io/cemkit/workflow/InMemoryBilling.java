package io.cemkit.workflow;

import io.cemkit.core.AgreementId;
import io.cemkit.core.InvoiceId;
import io.cemkit.core.SettlementState;
import io.cemkit.core.UnknownEntityException;
import io.cemkit.workflow.spi.Billing;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A {@link Billing} kept in memory, for tests, demos and hosts without a billing system: invoices
 * are {@linkplain #issue issued} open, {@linkplain #pay paid} to settled, and a dispute upheld for the
 * customer credits the invoice (settled). Thread-safe.
 */
public final class InMemoryBilling implements Billing {
  private final ConcurrentMap<Key, Entry> invoices = new ConcurrentHashMap<>();

  private record Key(AgreementId agreement, InvoiceId invoice) {
    Key {
      Objects.requireNonNull(agreement, "agreement");
      Objects.requireNonNull(invoice, "invoice");
    }
  }

  private record Entry(SettlementState state, boolean disputed) {}

  /** An empty billing: every invoice is unknown until issued. */
  public InMemoryBilling() {
    // Invoices arrive through issue().
  }

  /**
   * Issues an invoice, open; issuing it again has no effect.
   *
   * @param agreement the agreement it bills
   * @param invoice the invoice
   * @return this
   */
  public InMemoryBilling issue(AgreementId agreement, InvoiceId invoice) {
    invoices.putIfAbsent(new Key(agreement, invoice), new Entry(SettlementState.OPEN, false));
    return this;
  }

  /**
   * Records the payment of an invoice.
   *
   * @param agreement the agreement it bills
   * @param invoice the invoice
   * @return this
   * @throws UnknownEntityException if the invoice was not issued
   */
  public InMemoryBilling pay(AgreementId agreement, InvoiceId invoice) {
    invoices.compute(known(agreement, invoice, "it cannot be paid"), (k, e) -> new Entry(SettlementState.SETTLED,
        e.disputed()));
    return this;
  }

  @Override
  public SettlementState invoiceState(AgreementId agreement, InvoiceId invoice) {
    Entry e = invoices.get(new Key(agreement, invoice));
    return e == null ? SettlementState.UNKNOWN : e.state();
  }

  @Override
  public boolean isDisputed(AgreementId agreement, InvoiceId invoice) {
    Entry e = invoices.get(new Key(agreement, invoice));
    return e != null && e.disputed();
  }

  @Override
  public void openDispute(AgreementId agreement, InvoiceId invoice, String reason, Instant at) {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(at, "at");
    invoices.compute(known(agreement, invoice, "it cannot be disputed"), (k, e) -> new Entry(e.state(), true));
  }

  @Override
  public void closeDispute(AgreementId agreement, InvoiceId invoice, boolean upheld, Instant at) {
    Objects.requireNonNull(at, "at");
    invoices.compute(known(agreement, invoice, "no dispute on it can be closed"), (k, e) -> new Entry(
        upheld ? SettlementState.SETTLED : e.state(), false));
  }

  private Key known(AgreementId agreement, InvoiceId invoice, String consequence) {
    Key key = new Key(agreement, invoice);
    if (!invoices.containsKey(key)) {
      throw new UnknownEntityException("Invoice", invoice.value(), "billing has no such invoice for agreement "
          + agreement + ", so " + consequence);
    }
    return key;
  }

  @Override
  public String toString() {
    return "InMemoryBilling[" + invoices.size() + " invoices]";
  }
}
