package io.cemkit.core.internal;

import io.cemkit.core.Customer;
import io.cemkit.core.CustomerId;
import io.cemkit.core.spi.CustomerStore;
import io.cemkit.core.spi.Versioned;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The in-memory {@link CustomerStore}. Not supported API; use {@link CustomerStore#inMemory()}. */
public final class InMemoryCustomerStore implements CustomerStore {
  private final InMemoryRecords<CustomerId, CustomerId, Customer> records =
      new InMemoryRecords<>("Customer", Customer::id, Customer::id, CustomerStore::checkUpdate);

  @Override
  public Versioned<Customer> insert(Customer customer) {
    return records.insert(customer);
  }

  @Override
  public Optional<Versioned<Customer>> find(CustomerId id) {
    return records.find(id);
  }

  @Override
  public Versioned<Customer> update(Customer customer, long expectedRevision) {
    return records.update(customer, expectedRevision);
  }

  @Override
  public List<Versioned<Customer>> all() {
    return records.all(Comparator.comparing(v -> v.value().id().value()));
  }

  @Override
  public String toString() {
    return "CustomerStore.inMemory()";
  }
}
