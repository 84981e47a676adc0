package io.cemkit.core.spi;

import io.cemkit.core.CustomerId;
import io.cemkit.core.ProcessSummary;
import java.time.Instant;
import java.util.List;

/**
 * The processes a customer has open, for the customer context. The workflow module implements it;
 * a host with its own process engine can too.
 *
 * <p>Contract: return the customer's open processes at the instant, oldest first; an empty list for
 * an unknown customer; wrap storage failures in {@link io.cemkit.core.StorageException}.
 */
@FunctionalInterface
public interface OpenProcesses {

  /**
   * A customer's open processes.
   *
   * @param customer the customer
   * @param at the instant
   * @return oldest first
   */
  List<ProcessSummary> openFor(CustomerId customer, Instant at);

  /**
   * No process engine: no open processes.
   *
   * @return the source
   */
  static OpenProcesses none() {
    return (customer, at) -> List.of();
  }
}
