package io.cemkit.core.internal;

import io.cemkit.core.DuplicateEntityException;
import io.cemkit.core.StaleWriteException;
import io.cemkit.core.UnknownEntityException;
import io.cemkit.core.spi.Versioned;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The shared core of the in-memory stores: records by key with revisions, an index by owner, and
 * the insert/update rules of the storage SPIs. All methods are atomic (the instance is the lock).
 * Not supported API.
 *
 * @param <K> the key type
 * @param <O> the owner type (the customer)
 * @param <V> the record type
 */
public final class InMemoryRecords<K, O, V> {
  private final String kind;
  private final Function<V, K> key;
  private final Function<V, O> owner;
  private final BiConsumer<V, V> updateRule;
  private final Map<K, Versioned<V>> records = new HashMap<>();
  private final Map<K, Long> appendOrder = new HashMap<>();
  private final Map<O, List<K>> byOwner = new HashMap<>();
  private long appended;

  /**
   * Creates an empty set of records.
   *
   * @param kind the kind of record, for messages
   * @param key extracts a record's key
   * @param owner extracts a record's owner
   * @param updateRule checks (stored, next) before an update; throws to refuse
   */
  public InMemoryRecords(String kind, Function<V, K> key, Function<V, O> owner, BiConsumer<V, V> updateRule) {
    this.kind = kind;
    this.key = key;
    this.owner = owner;
    this.updateRule = updateRule;
  }

  /**
   * Inserts a record at revision 1.
   *
   * @param value the record
   * @return it at revision 1
   * @throws DuplicateEntityException if the key exists
   */
  public synchronized Versioned<V> insert(V value) {
    Objects.requireNonNull(value, kind.toLowerCase(java.util.Locale.ROOT));
    K k = key.apply(value);
    if (records.containsKey(k)) {
      throw new DuplicateEntityException(kind, k.toString());
    }
    Versioned<V> stored = Versioned.of(value, 1);
    records.put(k, stored);
    appendOrder.put(k, appended++);
    byOwner.computeIfAbsent(owner.apply(value), o -> new ArrayList<>()).add(k);
    return stored;
  }

  /**
   * Reads a record.
   *
   * @param k the key
   * @return the record, or empty
   */
  public synchronized Optional<Versioned<V>> find(K k) {
    return Optional.ofNullable(records.get(Objects.requireNonNull(k, "id")));
  }

  /**
   * Replaces a record at the expected revision.
   *
   * @param value the new state
   * @param expectedRevision the revision the change is based on
   * @return it at the next revision
   * @throws UnknownEntityException if the key is unknown
   * @throws StaleWriteException if the revision moved on
   */
  public synchronized Versioned<V> update(V value, long expectedRevision) {
    Objects.requireNonNull(value, kind.toLowerCase(java.util.Locale.ROOT));
    K k = key.apply(value);
    Versioned<V> stored = records.get(k);
    if (stored == null) {
      throw new UnknownEntityException(kind, k.toString(), "only stored records can be updated");
    }
    if (stored.revision() != expectedRevision) {
      throw new StaleWriteException(kind, k.toString(), expectedRevision, stored.revision());
    }
    updateRule.accept(stored.value(), value);
    Versioned<V> next = Versioned.of(value, stored.revision() + 1);
    records.put(k, next);
    return next;
  }

  /**
   * An owner's records in the given order.
   *
   * @param o the owner
   * @param order the order
   * @return the records
   */
  public synchronized List<Versioned<V>> ofOwner(O o, Comparator<Versioned<V>> order) {
    List<Versioned<V>> out = new ArrayList<>();
    for (K k : byOwner.getOrDefault(Objects.requireNonNull(o, "owner"), List.of())) {
      out.add(records.get(k));
    }
    out.sort(order);
    return out;
  }

  /**
   * The position at which a record was inserted, for stable ordering of ties.
   *
   * @param k the key
   * @return the position, from 0
   */
  public synchronized long appendOrder(K k) {
    return appendOrder.get(k);
  }

  /**
   * All records in the given order.
   *
   * @param order the order
   * @return the records
   */
  public synchronized List<Versioned<V>> all(Comparator<Versioned<V>> order) {
    List<Versioned<V>> out = new ArrayList<>(new LinkedHashMap<>(records).values());
    out.sort(order);
    return out;
  }
}
