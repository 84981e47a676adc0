package io.cemkit.core.internal;

import io.cemkit.core.CustomerId;
import io.cemkit.core.Interaction;
import io.cemkit.core.InteractionId;
import io.cemkit.core.spi.InteractionLog;
import io.cemkit.core.spi.Versioned;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/** The in-memory {@link InteractionLog}. Not supported API; use {@link InteractionLog#inMemory()}. */
public final class InMemoryInteractionLog implements InteractionLog {
  private final InMemoryRecords<InteractionId, CustomerId, Interaction> records =
      new InMemoryRecords<>("Interaction", Interaction::id, Interaction::customer, InteractionLog::checkUpdate);
  private final Comparator<Versioned<Interaction>> chronological = Comparator
      .comparing((Versioned<Interaction> v) -> v.value().startedAt())
      .thenComparingLong(v -> records.appendOrder(v.value().id()));

  @Override
  public Versioned<Interaction> append(Interaction interaction) {
    return records.insert(interaction);
  }

  @Override
  public Optional<Versioned<Interaction>> find(InteractionId id) {
    return records.find(id);
  }

  @Override
  public Versioned<Interaction> update(Interaction interaction, long expectedRevision) {
    return records.update(interaction, expectedRevision);
  }

  @Override
  public List<Interaction> recent(CustomerId customer, Instant asOf, int limit) {
    Objects.requireNonNull(asOf, "asOf");
    Checks.atLeast("limit", limit, 1);
    return records.ofOwner(customer, chronological.reversed()).stream().map(Versioned::value)
        .filter(i -> !i.startedAt().isAfter(asOf)).limit(limit).collect(Collectors.toUnmodifiableList());
  }

  @Override
  public List<Interaction> between(CustomerId customer, Instant from, Instant until) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(until, "until");
    return records.ofOwner(customer, chronological).stream().map(Versioned::value)
        .filter(i -> !i.startedAt().isBefore(from) && i.startedAt().isBefore(until))
        .collect(Collectors.toUnmodifiableList());
  }

  @Override
  public String toString() {
    return "InteractionLog.inMemory()";
  }
}
