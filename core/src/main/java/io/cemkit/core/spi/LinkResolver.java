package io.cemkit.core.spi;

import io.cemkit.core.CustomerId;
import io.cemkit.core.InvoiceId;
import io.cemkit.core.ProcessInstanceId;
import java.util.Optional;

/**
 * Tells which customer a process instance or an invoice belongs to, so that an interaction linking
 * them can be checked to stay within one customer. The workflow module implements it for its
 * process instances; hosts implement it for their invoices.
 *
 * <p>Contract: return the owner, or empty if the record is unknown; never throw for an unknown id;
 * wrap storage failures in {@link io.cemkit.core.StorageException}.
 */
public interface LinkResolver {

  /**
   * The customer a process instance belongs to.
   *
   * @param id the process instance
   * @return its customer, or empty if unknown
   */
  Optional<CustomerId> ownerOf(ProcessInstanceId id);

  /**
   * The customer an invoice belongs to.
   *
   * @param id the invoice
   * @return its customer, or empty if unknown
   */
  Optional<CustomerId> ownerOf(InvoiceId id);

  /**
   * A resolver that knows nothing: interactions that link a process instance or an invoice are
   * refused, because the link cannot be verified.
   *
   * @return the resolver
   */
  static LinkResolver none() {
    return new LinkResolver() {
      @Override
      public Optional<CustomerId> ownerOf(ProcessInstanceId id) {
        return Optional.empty();
      }

      @Override
      public Optional<CustomerId> ownerOf(InvoiceId id) {
        return Optional.empty();
      }

      @Override
      public String toString() {
        return "LinkResolver.none()";
      }
    };
  }
}
