package io.cemkit.core.internal;

import io.cemkit.core.Agreement;
import io.cemkit.core.AgreementId;
import io.cemkit.core.CustomerId;
import io.cemkit.core.spi.AgreementStore;
import io.cemkit.core.spi.Versioned;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The in-memory {@link AgreementStore}. Not supported API; use {@link AgreementStore#inMemory()}. */
public final class InMemoryAgreementStore implements AgreementStore {
  private final InMemoryRecords<AgreementId, CustomerId, Agreement> records =
      new InMemoryRecords<>("Agreement", Agreement::id, Agreement::customer, AgreementStore::checkUpdate);

  @Override
  public Versioned<Agreement> insert(Agreement agreement) {
    return records.insert(agreement);
  }

  @Override
  public Optional<Versioned<Agreement>> find(AgreementId id) {
    return records.find(id);
  }

  @Override
  public Versioned<Agreement> update(Agreement agreement, long expectedRevision) {
    return records.update(agreement, expectedRevision);
  }

  @Override
  public List<Versioned<Agreement>> forCustomer(CustomerId customer) {
    return records.ofOwner(customer, Comparator.comparing(v -> v.value().id().value()));
  }

  @Override
  public String toString() {
    return "AgreementStore.inMemory()";
  }
}
