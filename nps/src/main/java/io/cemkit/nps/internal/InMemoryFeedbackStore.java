package io.cemkit.nps.internal;

import io.cemkit.core.CustomerId;
import io.cemkit.core.DuplicateEntityException;
import io.cemkit.core.internal.InMemoryRecords;
import io.cemkit.core.spi.Versioned;
import io.cemkit.nps.FollowUp;
import io.cemkit.nps.FollowUpId;
import io.cemkit.nps.FollowUpState;
import io.cemkit.nps.NpsResponse;
import io.cemkit.nps.ResponseId;
import io.cemkit.nps.spi.FeedbackStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/** The in-memory {@link FeedbackStore}. Not supported API; use {@link FeedbackStore#inMemory()}. */
public final class InMemoryFeedbackStore implements FeedbackStore {
  private final Map<ResponseId, NpsResponse> byId = new HashMap<>();
  // Time, then append sequence: responses() is a range scan, ties keep append order.
  private final TreeMap<Instant, List<NpsResponse>> byTime = new TreeMap<>();
  private final Map<CustomerId, TreeMap<Instant, NpsResponse>> byCustomer = new HashMap<>();
  private final InMemoryRecords<FollowUpId, ResponseId, FollowUp> followUps =
      new InMemoryRecords<>("FollowUp", FollowUp::id, FollowUp::response, FeedbackStore::checkUpdate);

  @Override
  public synchronized void append(NpsResponse response) {
    Objects.requireNonNull(response, "response");
    if (byId.containsKey(response.id())) {
      throw new DuplicateEntityException("NpsResponse", response.id().value());
    }
    byId.put(response.id(), response);
    byTime.computeIfAbsent(response.at(), t -> new ArrayList<>()).add(response);
    response.customer().ifPresent(c -> byCustomer.computeIfAbsent(c, k -> new TreeMap<>()).put(response.at(),
        response));
  }

  @Override
  public synchronized Optional<NpsResponse> response(ResponseId id) {
    return Optional.ofNullable(byId.get(Objects.requireNonNull(id, "id")));
  }

  @Override
  public synchronized List<NpsResponse> responses(Instant from, Instant to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    List<NpsResponse> result = new ArrayList<>();
    if (from.isBefore(to)) {
      byTime.subMap(from, true, to, false).values().forEach(result::addAll);
    }
    return result;
  }

  @Override
  public synchronized Optional<NpsResponse> latestFor(CustomerId customer, Instant at) {
    TreeMap<Instant, NpsResponse> responses = byCustomer.get(Objects.requireNonNull(customer, "customer"));
    if (responses == null) {
      return Optional.empty();
    }
    Map.Entry<Instant, NpsResponse> latest = responses.floorEntry(Objects.requireNonNull(at, "at"));
    return latest == null ? Optional.empty() : Optional.of(latest.getValue());
  }

  @Override
  public Versioned<FollowUp> insert(FollowUp followUp) {
    return followUps.insert(followUp);
  }

  @Override
  public Optional<Versioned<FollowUp>> followUp(FollowUpId id) {
    return followUps.find(id);
  }

  @Override
  public Versioned<FollowUp> update(FollowUp followUp, long expectedRevision) {
    return followUps.update(followUp, expectedRevision);
  }

  @Override
  public List<Versioned<FollowUp>> followUps(FollowUpState state) {
    Objects.requireNonNull(state, "state");
    Comparator<Versioned<FollowUp>> order = Comparator.comparing((Versioned<FollowUp> v) -> v.value().openedAt())
        .thenComparing(v -> v.value().id().value());
    return followUps.all(order).stream().filter(v -> v.value().state() == state).toList();
  }

  @Override
  public String toString() {
    return "FeedbackStore.inMemory()";
  }
}
