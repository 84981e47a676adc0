package io.cemkit.core;

import static io.cemkit.core.ConsentDecision.DENIED;
import static io.cemkit.core.ConsentDecision.GRANTED;
import static io.cemkit.core.ConsentDecision.WITHDRAWN;
import static io.cemkit.core.ConsentPurpose.MARKETING;
import static io.cemkit.core.ConsentPurpose.SERVICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class ConsentLedgerTest {
  private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

  private static Instant day(int n) {
    return T0.plus(Duration.ofDays(n));
  }

  /** A record that takes effect when recorded, with evidence captured at the same instant. */
  private static ConsentRecord record(ConsentPurpose purpose, Channel channel, ConsentDecision decision, Instant at) {
    return record(purpose, channel, decision, at, null, at, at);
  }

  private static ConsentRecord record(ConsentPurpose purpose, Channel channel, ConsentDecision decision,
      Instant validFrom, Instant validUntil, Instant recordedAt, Instant evidenceAt) {
    return ConsentRecord.builder().purpose(purpose).channel(Optional.ofNullable(channel)).decision(decision)
        .validFrom(validFrom).validUntil(Optional.ofNullable(validUntil)).recordedAt(recordedAt)
        .evidence(Evidence.of(evidenceAt, Channel.WEB, EvidenceMethod.CLICKWRAP,
            "CLICK-" + evidenceAt.getEpochSecond()))
        .build();
  }

  // ------------------------------------------------------------------ empty ledger

  @ParameterizedTest
  @EnumSource(ConsentPurpose.class)
  @DisplayName("with no record nothing is allowed and nothing is refused")
  void emptyLedger(ConsentPurpose purpose) {
    ConsentLedger ledger = ConsentLedger.empty();

    for (Channel channel : Channel.values()) {
      assertThat(ledger.allows(purpose, channel, day(1))).isFalse();
      assertThat(ledger.refuses(purpose, channel, day(1))).isFalse();
      assertThat(ledger.effective(purpose, channel, day(1))).isEmpty();
    }
    assertThat(ledger.records()).isEmpty();
  }

  @Test
  @DisplayName("a record about another purpose says nothing about this one")
  void otherPurposeIgnored() {
    ConsentLedger ledger = ConsentLedger.empty().append(record(SERVICE, null, GRANTED, day(0)));

    assertThat(ledger.allows(SERVICE, Channel.EMAIL, day(1))).isTrue();
    assertThat(ledger.allows(MARKETING, Channel.EMAIL, day(1))).isFalse();
    assertThat(ledger.refuses(MARKETING, Channel.EMAIL, day(1))).isFalse();
  }

  // ------------------------------------------------------------------ channel-specific vs every channel

  @Test
  @DisplayName("grant on every channel, then withdrawal on WhatsApp: e-mail allowed, WhatsApp refused")
  void withdrawalOnOneChannel() {
    ConsentRecord grant = record(MARKETING, null, GRANTED, day(0));
    ConsentRecord withdrawal = record(MARKETING, Channel.WHATSAPP, WITHDRAWN, day(5));
    ConsentLedger ledger = ConsentLedger.empty().append(grant).append(withdrawal);

    assertSoftly(s -> {
      s.assertThat(ledger.allows(MARKETING, Channel.EMAIL, day(6))).isTrue();
      s.assertThat(ledger.refuses(MARKETING, Channel.EMAIL, day(6))).isFalse();
      s.assertThat(ledger.effective(MARKETING, Channel.EMAIL, day(6))).contains(grant);
      s.assertThat(ledger.allows(MARKETING, Channel.WHATSAPP, day(6))).isFalse();
      s.assertThat(ledger.refuses(MARKETING, Channel.WHATSAPP, day(6))).isTrue();
      s.assertThat(ledger.effective(MARKETING, Channel.WHATSAPP, day(6))).contains(withdrawal);
      s.assertThat(ledger.allows(MARKETING, Channel.SMS, day(6))).isTrue();
      // before the withdrawal, WhatsApp was allowed
      s.assertThat(ledger.allows(MARKETING, Channel.WHATSAPP, day(4))).isTrue();
    });
  }

  @Test
  @DisplayName("a later grant on WhatsApp allows it again")
  void laterGrantAllowsAgain() {
    ConsentRecord regrant = record(MARKETING, Channel.WHATSAPP, GRANTED, day(9));
    ConsentLedger ledger = ConsentLedger.empty()
        .append(record(MARKETING, null, GRANTED, day(0)))
        .append(record(MARKETING, Channel.WHATSAPP, WITHDRAWN, day(5)))
        .append(regrant);

    assertThat(ledger.allows(MARKETING, Channel.WHATSAPP, day(10))).isTrue();
    assertThat(ledger.refuses(MARKETING, Channel.WHATSAPP, day(10))).isFalse();
    assertThat(ledger.effective(MARKETING, Channel.WHATSAPP, day(10))).contains(regrant);
    assertThat(ledger.allows(MARKETING, Channel.WHATSAPP, day(7))).isFalse();
  }

  @Test
  @DisplayName("a later withdrawal on every channel overrides an earlier channel grant")
  void laterEveryChannelRecordWins() {
    ConsentLedger ledger = ConsentLedger.empty()
        .append(record(MARKETING, Channel.EMAIL, GRANTED, day(0)))
        .append(record(MARKETING, null, WITHDRAWN, day(3)));

    assertThat(ledger.allows(MARKETING, Channel.EMAIL, day(2))).isTrue();
    assertThat(ledger.allows(MARKETING, Channel.EMAIL, day(4))).isFalse();
    assertThat(ledger.refuses(MARKETING, Channel.EMAIL, day(4))).isTrue();
  }

  @Test
  @DisplayName("a denial is a refusal")
  void denialRefuses() {
    ConsentLedger ledger = ConsentLedger.empty().append(record(MARKETING, Channel.SMS, DENIED, day(0)));

    assertThat(ledger.allows(MARKETING, Channel.SMS, day(1))).isFalse();
    assertThat(ledger.refuses(MARKETING, Channel.SMS, day(1))).isTrue();
    assertThat(ledger.refuses(MARKETING, Channel.EMAIL, day(1))).isFalse();
  }

  @Test
  @DisplayName("of two records recorded at the same instant, the one appended last wins")
  void sameRecordingInstantLastAppendedWins() {
    ConsentRecord grant = record(MARKETING, null, GRANTED, day(1));
    ConsentRecord withdrawal = record(MARKETING, null, WITHDRAWN, day(1));

    ConsentLedger grantLast = ConsentLedger.of(List.of(withdrawal, grant));
    ConsentLedger withdrawalLast = ConsentLedger.of(List.of(grant, withdrawal));

    assertThat(grantLast.allows(MARKETING, Channel.EMAIL, day(1))).isTrue();
    assertThat(withdrawalLast.allows(MARKETING, Channel.EMAIL, day(1))).isFalse();
  }

  // ------------------------------------------------------------------ validity windows

  @Test
  @DisplayName("validFrom is inclusive and validUntil exclusive")
  void validityWindow() {
    Instant from = day(2);
    Instant until = day(4);
    ConsentRecord grant = record(MARKETING, Channel.EMAIL, GRANTED, from, until, day(1), day(1));
    ConsentLedger ledger = ConsentLedger.empty().append(grant);

    assertSoftly(s -> {
      s.assertThat(ledger.allows(MARKETING, Channel.EMAIL, from.minusNanos(1))).isFalse();
      s.assertThat(ledger.allows(MARKETING, Channel.EMAIL, from)).isTrue();
      s.assertThat(ledger.allows(MARKETING, Channel.EMAIL, day(3))).isTrue();
      s.assertThat(ledger.allows(MARKETING, Channel.EMAIL, until.minusNanos(1))).isTrue();
      s.assertThat(ledger.allows(MARKETING, Channel.EMAIL, until)).isFalse();
      s.assertThat(ledger.refuses(MARKETING, Channel.EMAIL, until)).isFalse();
      s.assertThat(ledger.effective(MARKETING, Channel.EMAIL, until)).isEmpty();
    });
    assertThat(grant.appliesTo(MARKETING, Channel.EMAIL, from)).isTrue();
    assertThat(grant.appliesTo(MARKETING, Channel.EMAIL, until)).isFalse();
    assertThat(grant.appliesTo(MARKETING, Channel.SMS, from)).isFalse();
    assertThat(grant.appliesTo(SERVICE, Channel.EMAIL, from)).isFalse();
  }

  @Test
  @DisplayName("when a newer record's window closes, the older record applies again")
  void expiredNewerRecordFallsBackToOlder() {
    ConsentRecord standing = record(MARKETING, null, GRANTED, day(0));
    ConsentRecord pause = record(MARKETING, Channel.EMAIL, WITHDRAWN, day(2), day(5), day(2), day(2));
    ConsentLedger ledger = ConsentLedger.empty().append(standing).append(pause);

    assertThat(ledger.allows(MARKETING, Channel.EMAIL, day(1))).isTrue();
    assertThat(ledger.refuses(MARKETING, Channel.EMAIL, day(3))).isTrue();
    assertThat(ledger.effective(MARKETING, Channel.EMAIL, day(5))).contains(standing);
    assertThat(ledger.allows(MARKETING, Channel.EMAIL, day(5))).isTrue();
  }

  // ------------------------------------------------------------------ as known at the instant

  @Test
  @DisplayName("records recorded after the queried instant are not considered")
  void asKnownAtTheInstant() {
    // the customer agreed on the phone on day 1; the agent recorded it on day 3
    ConsentRecord grant = record(MARKETING, null, GRANTED, day(1), null, day(3), day(1));
    ConsentLedger ledger = ConsentLedger.empty().append(grant);

    assertThat(ledger.allows(MARKETING, Channel.EMAIL, day(2))).isFalse();
    assertThat(ledger.effective(MARKETING, Channel.EMAIL, day(2))).isEmpty();
    assertThat(ledger.allows(MARKETING, Channel.EMAIL, day(3).minusNanos(1))).isFalse();
    assertThat(ledger.allows(MARKETING, Channel.EMAIL, day(3))).isTrue();
  }

  @Test
  @DisplayName("a back-dated withdrawal does not make last week's message unlawful in hindsight")
  void backDatedWithdrawal() {
    Instant lastWeek = day(10);
    Instant today = day(17);
    ConsentRecord grant = record(MARKETING, null, GRANTED, day(0));
    // a letter dated last week, recorded today: effective from last week
    ConsentRecord withdrawal = record(MARKETING, null, WITHDRAWN, lastWeek, null, today, lastWeek);
    ConsentLedger ledger = ConsentLedger.empty().append(grant).append(withdrawal);

    assertSoftly(s -> {
      s.assertThat(ledger.allows(MARKETING, Channel.EMAIL, lastWeek)).isTrue();
      s.assertThat(ledger.allows(MARKETING, Channel.EMAIL, day(12))).isTrue();
      s.assertThat(ledger.refuses(MARKETING, Channel.EMAIL, day(12))).isFalse();
      s.assertThat(ledger.allows(MARKETING, Channel.EMAIL, today)).isFalse();
      s.assertThat(ledger.refuses(MARKETING, Channel.EMAIL, today)).isTrue();
      s.assertThat(ledger.effective(MARKETING, Channel.EMAIL, today)).contains(withdrawal);
    });
  }

  // ------------------------------------------------------------------ append-only

  @Test
  @DisplayName("append returns a new ledger and leaves the old one unchanged")
  void appendIsPersistent() {
    ConsentRecord first = record(MARKETING, null, GRANTED, day(0));
    ConsentRecord second = record(MARKETING, Channel.SMS, WITHDRAWN, day(1));
    ConsentLedger one = ConsentLedger.empty().append(first);
    ConsentLedger two = one.append(second);

    assertThat(one.records()).containsExactly(first);
    assertThat(two.records()).containsExactly(first, second);
    assertThat(ConsentLedger.empty().records()).isEmpty();
    assertThat(two).isEqualTo(ConsentLedger.of(List.of(first, second))).hasSameHashCodeAs(
        ConsentLedger.of(List.of(first, second)));
    assertThat(two).isNotEqualTo(one);
  }

  @Test
  @DisplayName("the records list cannot be modified")
  void recordsUnmodifiable() {
    ConsentLedger ledger = ConsentLedger.empty().append(record(MARKETING, null, GRANTED, day(0)));
    ConsentRecord extra = record(MARKETING, null, WITHDRAWN, day(1));

    assertThatThrownBy(() -> ledger.records().add(extra)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> ledger.records().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThat(ledger.records()).hasSize(1);
  }

  @Test
  @DisplayName("a record recorded earlier than the last one is rejected, naming both instants")
  void appendOnly() {
    ConsentLedger ledger = ConsentLedger.empty().append(record(MARKETING, null, GRANTED, day(5)));
    ConsentRecord earlier = record(MARKETING, null, WITHDRAWN, day(3));

    assertThatThrownBy(() -> ledger.append(earlier))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ConsentLedger is append-only: a record recorded at " + day(3)
            + " cannot follow one recorded at " + day(5));
    assertThat(ledger.records()).hasSize(1);
  }

  @Test
  @DisplayName("of() applies the append-only rule to existing records")
  void ofChecksOrder() {
    ConsentRecord late = record(MARKETING, null, GRANTED, day(5));
    ConsentRecord early = record(MARKETING, null, WITHDRAWN, day(3));

    assertThatThrownBy(() -> ConsentLedger.of(List.of(late, early)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("append-only")
        .hasMessageContaining(day(3).toString())
        .hasMessageContaining(day(5).toString());
    assertThat(ConsentLedger.of(List.of(early, late)).records()).containsExactly(early, late);
    assertThat(ConsentLedger.of(List.of())).isEqualTo(ConsentLedger.empty());
  }

  @Test
  @DisplayName("nulls are rejected by name")
  void nulls() {
    ConsentLedger ledger = ConsentLedger.empty();
    assertThatNullPointerException().isThrownBy(() -> ledger.append(null)).withMessage("record");
    assertThatNullPointerException().isThrownBy(() -> ConsentLedger.of(null)).withMessage("records");
    assertThatNullPointerException().isThrownBy(() -> ledger.allows(null, Channel.EMAIL, T0)).withMessage("purpose");
    assertThatNullPointerException().isThrownBy(() -> ledger.allows(MARKETING, null, T0)).withMessage("channel");
    assertThatNullPointerException().isThrownBy(() -> ledger.refuses(MARKETING, Channel.EMAIL, null))
        .withMessage("instant");
  }

  // ------------------------------------------------------------------ ConsentRecord checks

  @Test
  @DisplayName("validUntil must be after validFrom")
  void validUntilAfterValidFrom() {
    assertThatThrownBy(() -> record(MARKETING, null, GRANTED, day(2), day(2), day(2), day(2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ConsentRecord.validUntil (" + day(2) + ") must be after validFrom (" + day(2) + ")");
    assertThatThrownBy(() -> record(MARKETING, null, WITHDRAWN, day(2), day(1), day(2), day(2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ConsentRecord.validUntil (" + day(1) + ") must be after validFrom (" + day(2) + ")");
    assertThat(record(MARKETING, null, GRANTED, day(2), day(2).plusNanos(1), day(2), day(2)).validUntil())
        .contains(day(2).plusNanos(1));
  }

  @Test
  @DisplayName("evidence cannot be captured after the record was recorded")
  void evidenceNotAfterRecordedAt() {
    assertThatThrownBy(() -> record(MARKETING, null, WITHDRAWN, day(1), null, day(1), day(1).plusSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ConsentRecord.evidence.at (" + day(1).plusSeconds(1) + ") must not be after recordedAt ("
            + day(1) + "): evidence is captured before it is recorded");
  }

  @Test
  @DisplayName("a grant cannot take effect before its evidence")
  void grantNotBeforeEvidence() {
    assertThatThrownBy(() -> record(MARKETING, null, GRANTED, day(1), null, day(3), day(2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ConsentRecord grant cannot take effect (validFrom " + day(1) + ") before it was given "
            + "(evidence.at " + day(2) + ")");
    // taking effect later than the evidence, or at the same instant, is fine
    assertThat(record(MARKETING, null, GRANTED, day(2), null, day(3), day(2)).validFrom()).isEqualTo(day(2));
    assertThat(record(MARKETING, null, GRANTED, day(7), null, day(3), day(2)).validFrom()).isEqualTo(day(7));
  }

  @ParameterizedTest
  @EnumSource(value = ConsentDecision.class, names = {"WITHDRAWN", "DENIED"})
  @DisplayName("a withdrawal or denial may be back-dated before its evidence")
  void withdrawalMayBeBackDated(ConsentDecision decision) {
    ConsentRecord backDated = record(MARKETING, null, decision, day(1), null, day(3), day(2));

    assertThat(backDated.validFrom()).isEqualTo(day(1));
    assertThat(backDated.evidence().at()).isEqualTo(day(2));
  }

  // ------------------------------------------------------------------ random ledgers vs a reference

  private static final Channel[] CHANNELS = {Channel.EMAIL, Channel.WHATSAPP, Channel.SMS};
  private static final ConsentPurpose[] PURPOSES = {MARKETING, SERVICE};

  /** The documented rule, written plainly: the latest applicable record recorded by the instant wins. */
  private static Optional<ConsentRecord> reference(List<ConsentRecord> records, ConsentPurpose purpose,
      Channel channel, Instant at) {
    ConsentRecord winner = null;
    for (ConsentRecord r : records) {
      boolean known = r.recordedAt().compareTo(at) <= 0;
      boolean purposeMatches = r.purpose() == purpose;
      boolean channelMatches = r.channel().isEmpty() || r.channel().get() == channel;
      boolean started = r.validFrom().compareTo(at) <= 0;
      boolean notEnded = r.validUntil().isEmpty() || at.compareTo(r.validUntil().get()) < 0;
      if (known && purposeMatches && channelMatches && started && notEnded) {
        winner = r;
      }
    }
    return Optional.ofNullable(winner);
  }

  private static Instant hour(int n) {
    return T0.plus(Duration.ofHours(n));
  }

  private static List<ConsentRecord> randomRecords(Random random) {
    int count = random.nextInt(12);
    List<ConsentRecord> records = new ArrayList<>();
    int recorded = 0;
    for (int i = 0; i < count; i++) {
      recorded += random.nextInt(3); // sometimes the same instant as the previous record
      ConsentDecision decision = ConsentDecision.values()[random.nextInt(3)];
      int evidence = recorded - random.nextInt(3);
      int validFrom = decision == GRANTED ? evidence + random.nextInt(6) : evidence - 3 + random.nextInt(8);
      Integer validUntil = random.nextBoolean() ? null : validFrom + 1 + random.nextInt(6);
      Channel channel = random.nextInt(3) == 0 ? null : CHANNELS[random.nextInt(CHANNELS.length)];
      records.add(record(PURPOSES[random.nextInt(PURPOSES.length)], channel, decision, hour(validFrom),
          validUntil == null ? null : hour(validUntil), hour(recorded), hour(evidence)));
    }
    return records;
  }

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 40);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  @DisplayName("allows, refuses and effective agree with a reference implementation on random ledgers")
  void matchesReference(long seed) {
    Random random = new Random(seed);
    List<ConsentRecord> records = randomRecords(random);
    ConsentLedger ledger = ConsentLedger.of(records);

    assertThat(ledger.records()).containsExactlyElementsOf(records);
    for (int q = 0; q < 300; q++) {
      ConsentPurpose purpose = PURPOSES[random.nextInt(PURPOSES.length)];
      Channel channel = CHANNELS[random.nextInt(CHANNELS.length)];
      // whole hours hit every boundary exactly; the odd nanosecond probes just before one
      Instant at = hour(random.nextInt(30) - 4).minusNanos(random.nextInt(4) == 0 ? 1 : 0);
      Optional<ConsentRecord> expected = reference(records, purpose, channel, at);
      String query = "seed " + seed + ": " + purpose + " on " + channel + " at " + at + " in " + records;

      assertThat(ledger.effective(purpose, channel, at)).as(query).isEqualTo(expected);
      assertThat(ledger.allows(purpose, channel, at)).as(query)
          .isEqualTo(expected.map(r -> r.decision() == GRANTED).orElse(false));
      assertThat(ledger.refuses(purpose, channel, at)).as(query)
          .isEqualTo(expected.map(r -> r.decision() != GRANTED).orElse(false));
    }
  }
}
