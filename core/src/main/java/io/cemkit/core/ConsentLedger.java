package io.cemkit.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.cemkit.core.internal.Checks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A customer's consent history: an append-only list of {@link ConsentRecord}s in the order they
 * were recorded.
 *
 * <p>The decision in force for a purpose and channel at an instant is the most recently recorded
 * record that applies to them at that instant: a channel-specific record and an every-channel
 * record compete on recording order, so "granted marketing on every channel" followed by
 * "withdrew marketing on WhatsApp" allows e-mail and forbids WhatsApp, and a later "granted
 * marketing on WhatsApp" allows it again. With no applicable record nothing is allowed.
 *
 * <p>Queries are as known at the instant asked about: a record counts only if it was recorded by
 * then. A withdrawal recorded today with a validity starting last week therefore does not make
 * last week's message unlawful in hindsight, and {@code allows(.., now)} sees every record.
 *
 * <p>JSON: an array of records.
 */
public final class ConsentLedger {
  private static final ConsentLedger EMPTY = new ConsentLedger(List.of());

  private final List<ConsentRecord> records;

  private ConsentLedger(List<ConsentRecord> records) {
    this.records = records;
  }

  /**
   * The empty ledger.
   *
   * @return a ledger without records
   */
  public static ConsentLedger empty() {
    return EMPTY;
  }

  /**
   * A ledger of existing records, e.g. read from storage.
   *
   * @param records the records, in recording order
   * @return the ledger
   * @throws IllegalArgumentException if a record was recorded before its predecessor
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static ConsentLedger of(List<ConsentRecord> records) {
    Objects.requireNonNull(records, "records");
    ConsentLedger ledger = EMPTY;
    for (ConsentRecord record : records) {
      ledger = ledger.append(record);
    }
    return ledger;
  }

  /**
   * This ledger with one more record.
   *
   * @param record the new record; recorded no earlier than the last one
   * @return a new ledger
   * @throws IllegalArgumentException if the record was recorded before the ledger's last record
   *     (the ledger is append-only: history is never rewritten)
   */
  public ConsentLedger append(ConsentRecord record) {
    Objects.requireNonNull(record, "record");
    if (!records.isEmpty()) {
      Instant last = records.get(records.size() - 1).recordedAt();
      Checks.check(!record.recordedAt().isBefore(last),
          "ConsentLedger is append-only: a record recorded at %s cannot follow one recorded at %s",
          record.recordedAt(), last);
    }
    List<ConsentRecord> next = new ArrayList<>(records.size() + 1);
    next.addAll(records);
    next.add(record);
    return new ConsentLedger(Collections.unmodifiableList(next));
  }

  /**
   * The records, in recording order.
   *
   * @return the records
   */
  @JsonValue
  public List<ConsentRecord> records() {
    return records;
  }

  /**
   * The record in force for {@code purpose} on {@code channel} at {@code instant}.
   *
   * @param purpose the purpose
   * @param channel the channel
   * @param instant the instant
   * @return the record, or empty if none applies
   */
  public Optional<ConsentRecord> effective(ConsentPurpose purpose, Channel channel, Instant instant) {
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(instant, "instant");
    for (int i = records.size() - 1; i >= 0; i--) {
      ConsentRecord record = records.get(i);
      if (!record.recordedAt().isAfter(instant) && record.appliesTo(purpose, channel, instant)) {
        return Optional.of(record);
      }
    }
    return Optional.empty();
  }

  /**
   * Whether the customer allows {@code purpose} on {@code channel} at {@code instant}: the record in
   * force is a grant.
   *
   * @param purpose the purpose
   * @param channel the channel
   * @param instant the instant
   * @return true only if a grant is in force
   */
  public boolean allows(ConsentPurpose purpose, Channel channel, Instant instant) {
    return effective(purpose, channel, instant).map(r -> r.decision() == ConsentDecision.GRANTED).orElse(false);
  }

  /**
   * Whether the customer withdrew or refused {@code purpose} on {@code channel}, as of
   * {@code instant}. Unlike {@code !allows(..)}, a customer who was never asked has not refused.
   *
   * @param purpose the purpose
   * @param channel the channel
   * @param instant the instant
   * @return true if the record in force is a withdrawal or a denial
   */
  public boolean refuses(ConsentPurpose purpose, Channel channel, Instant instant) {
    return effective(purpose, channel, instant).map(r -> r.decision() != ConsentDecision.GRANTED).orElse(false);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ConsentLedger && ((ConsentLedger) other).records.equals(records);
  }

  @Override
  public int hashCode() {
    return records.hashCode();
  }

  @Override
  public String toString() {
    return "ConsentLedger" + records;
  }
}
