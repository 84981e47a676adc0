package io.cemkit.workflow.spi;

import io.cemkit.core.AgreementId;
import io.cemkit.core.InvoiceId;
import io.cemkit.core.SettlementState;
import java.time.Instant;

/**
 * The host's billing system as the ready CRM processes ({@link io.cemkit.workflow.CrmProcesses}) need
 * it: whether an invoice is paid, and whether it is disputed. Collection asks before every dunning
 * step and before suspending for non-payment; complaint handling opens and closes disputes.
 *
 * <p>Contract: answer for any invoice, {@link SettlementState#UNKNOWN} when billing does not know it
 * (collection never suspends on an unknown state: only {@link SettlementState#OPEN} counts as unpaid);
 * {@link #openDispute} and {@link #closeDispute} are idempotent (a repeated call with the same
 * arguments has no further effect, because a process step may be retried after a failure); wrap
 * storage failures in {@link io.cemkit.core.StorageException}. Called on the engine's thread, inside
 * a step, so keep calls short. {@link io.cemkit.workflow.InMemoryBilling} is an implementation for
 * tests, demos and hosts without a billing system of their own.
 */
public interface Billing {

  /**
   * Whether an invoice has been paid.
   *
   * @param agreement the agreement it bills
   * @param invoice the invoice
   * @return settled, open, or unknown to billing
   */
  SettlementState invoiceState(AgreementId agreement, InvoiceId invoice);

  /**
   * Whether an invoice is under dispute now; dunning is frozen while it is.
   *
   * @param agreement the agreement it bills
   * @param invoice the invoice
   * @return true between {@link #openDispute} and {@link #closeDispute}
   */
  boolean isDisputed(AgreementId agreement, InvoiceId invoice);

  /**
   * Records that the customer disputes an invoice.
   *
   * @param agreement the agreement it bills
   * @param invoice the invoice
   * @param reason why, as the customer put it
   * @param at when
   * @throws io.cemkit.core.UnknownEntityException if billing does not know the invoice
   */
  void openDispute(AgreementId agreement, InvoiceId invoice, String reason, Instant at);

  /**
   * Ends a dispute.
   *
   * @param agreement the agreement it bills
   * @param invoice the invoice
   * @param upheld true if the customer was right (billing then corrects or credits the invoice),
   *     false if the invoice stands and dunning may go on
   * @param at when
   * @throws io.cemkit.core.UnknownEntityException if billing does not know the invoice
   */
  void closeDispute(AgreementId agreement, InvoiceId invoice, boolean upheld, Instant at);
}
