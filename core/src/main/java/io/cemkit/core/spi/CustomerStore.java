package io.cemkit.core.spi;

import io.cemkit.core.Customer;
import io.cemkit.core.CustomerId;
import io.cemkit.core.internal.InMemoryCustomerStore;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where customers are kept. The host implements it over its own database; {@link #inMemory()} is
 * the default, and {@code io.cemkit.testkit.CustomerStoreContract} is the test kit every
 * implementation must pass.
 *
 * <p>Contract:
 * <ul>
 *   <li>{@link #insert} stores a new customer at revision 1; an existing id fails with
 *       {@link io.cemkit.core.DuplicateEntityException} and nothing changes.
 *   <li>{@link #find} returns empty for an unknown id; it never throws for a missing record.
 *   <li>{@link #update} replaces the customer only if its stored revision is
 *       {@code expectedRevision}, returning the next revision; otherwise it fails with
 *       {@link io.cemkit.core.StaleWriteException} (or {@link io.cemkit.core.UnknownEntityException}
 *       for an unknown id) and nothing changes. It must refuse, through {@link #checkUpdate}, a
 *       change of kind and a consent ledger that is not an extension of the stored one: consent
 *       history is append-only.
 *   <li>Every operation is atomic and safe to call from many threads.
 *   <li>Failures of the underlying storage are thrown as {@link io.cemkit.core.StorageException}
 *       with the cause, never as raw driver exceptions.
 * </ul>
 */
public interface CustomerStore {

  /**
   * Stores a new customer.
   *
   * @param customer the customer
   * @return the customer at revision 1
   */
  Versioned<Customer> insert(Customer customer);

  /**
   * Reads a customer.
   *
   * @param id the id
   * @return the customer and its revision, or empty
   */
  Optional<Versioned<Customer>> find(CustomerId id);

  /**
   * Replaces a customer if it was not changed since {@code expectedRevision}.
   *
   * @param customer the new state
   * @param expectedRevision the revision the change is based on
   * @return the customer at the next revision
   */
  Versioned<Customer> update(Customer customer, long expectedRevision);

  /**
   * All customers, ordered by id as {@link String#compareTo} orders them; for tests and small hosts.
   *
   * @return the customers
   */
  List<Versioned<Customer>> all();

  /**
   * The in-memory store: thread-safe, for tests, demos and hosts that keep customers elsewhere.
   *
   * @return a new empty store
   */
  static CustomerStore inMemory() {
    return new InMemoryCustomerStore();
  }

  /**
   * The rules every update must respect; implementations call this before writing.
   *
   * @param stored the stored customer
   * @param next the new state
   * @throws IllegalArgumentException if the kind changes or consent records were removed or
   *     rewritten
   */
  static void checkUpdate(Customer stored, Customer next) {
    Objects.requireNonNull(stored, "stored");
    Objects.requireNonNull(next, "next");
    if (!stored.id().equals(next.id())) {
      throw new IllegalArgumentException("Customer " + stored.id() + " cannot become " + next.id());
    }
    if (stored.getClass() != next.getClass()) {
      throw new IllegalArgumentException("Customer " + stored.id() + " cannot change from an "
          + (stored instanceof io.cemkit.core.Individual ? "individual to a business" : "business to an individual"));
    }
    List<?> before = stored.consents().records();
    List<?> after = next.consents().records();
    if (after.size() < before.size() || !after.subList(0, before.size()).equals(before)) {
      throw new IllegalArgumentException("Customer " + stored.id() + ": the consent ledger is append-only; the update "
          + "removes or rewrites " + before.size() + " recorded decision(s)");
    }
  }
}
