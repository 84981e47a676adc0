package io.cemkit.workflow.spi;

import io.cemkit.core.AgreementTerms;
import io.cemkit.core.CustomerId;
import java.time.LocalDate;

/**
 * The host's offers, for the sale that closes {@link io.cemkit.workflow.CrmProcesses#LEAD_TO_ORDER}:
 * the terms an accepted offer puts into the new agreement.
 *
 * <p>Contract: return the terms of the offer for that customer, starting on the given date; throw
 * {@link IllegalArgumentException} naming the offer when it is unknown or not open to the customer
 * (the sale then goes back to the sales agent with that message); wrap storage failures in
 * {@link io.cemkit.core.StorageException}.
 */
@FunctionalInterface
public interface Catalog {

  /**
   * The terms of an offer.
   *
   * @param offer the offer's code, as the sales agent recorded it
   * @param customer the buyer
   * @param start the first day of the agreement's term
   * @return the terms
   * @throws IllegalArgumentException if the offer is unknown or not open to this customer
   */
  AgreementTerms terms(String offer, CustomerId customer, LocalDate start);
}
