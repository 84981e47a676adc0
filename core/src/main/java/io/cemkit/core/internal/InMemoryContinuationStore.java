package io.cemkit.core.internal;

import io.cemkit.core.Continuation;
import io.cemkit.core.ContinuationId;
import io.cemkit.core.ContinuationToken;
import io.cemkit.core.CustomerId;
import io.cemkit.core.DuplicateEntityException;
import io.cemkit.core.spi.ContinuationStore;
import io.cemkit.core.spi.Versioned;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** The in-memory {@link ContinuationStore}. Not supported API; use {@link ContinuationStore#inMemory()}. */
public final class InMemoryContinuationStore implements ContinuationStore {
  private final InMemoryRecords<ContinuationId, CustomerId, Continuation> records =
      new InMemoryRecords<>("Continuation", Continuation::id, Continuation::customer, ContinuationStore::checkUpdate);
  private final Map<ContinuationToken, ContinuationId> byToken = new ConcurrentHashMap<>();

  @Override
  public synchronized Versioned<Continuation> insert(Continuation continuation) {
    Objects.requireNonNull(continuation, "continuation");
    if (byToken.containsKey(continuation.token())) {
      throw new DuplicateEntityException("Continuation token", continuation.token().toString());
    }
    Versioned<Continuation> stored = records.insert(continuation);
    byToken.put(continuation.token(), continuation.id());
    return stored;
  }

  @Override
  public Optional<Versioned<Continuation>> find(ContinuationId id) {
    return records.find(id);
  }

  // Under the insert's lock: an insert makes the continuation findable by id before it indexes its token,
  // and a reader must not find it by the one and not by the other.
  @Override
  public synchronized Optional<Versioned<Continuation>> findByToken(ContinuationToken token) {
    ContinuationId id = byToken.get(Objects.requireNonNull(token, "token"));
    return id == null ? Optional.empty() : records.find(id);
  }

  @Override
  public Versioned<Continuation> update(Continuation continuation, long expectedRevision) {
    return records.update(continuation, expectedRevision);
  }

  @Override
  public List<Continuation> forCustomer(CustomerId customer) {
    return records.ofOwner(customer, Comparator.comparing((Versioned<Continuation> v) -> v.value().startedAt())
        .thenComparing(v -> v.value().id().value())).stream().map(Versioned::value)
        .collect(Collectors.toUnmodifiableList());
  }

  @Override
  public String toString() {
    return "ContinuationStore.inMemory()";
  }
}
