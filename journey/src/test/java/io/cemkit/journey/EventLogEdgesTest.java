package io.cemkit.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.cemkit.core.CsvFormatException;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The edges of reading a log: optional CSV columns, range ends, the time limits; mutation testing found them open. */
class EventLogEdgesTest {
  private static final long MIN_SECONDS = Long.MIN_VALUE / 1_000_000_000L + 1;
  private static final long MAX_SECONDS = Long.MAX_VALUE / 1_000_000_000L - 1;

  private static EventLog csv(String text) {
    return EventLog.readCsv(new StringReader(text));
  }

  @Test
  void optionalColumnsAreReadWhereverTheyStandAndBlankCellsMeanNone() {
    EventLog log = csv("""
        outcome,nps,customer_id,timestamp,touchpoint,stage,channel,sentiment
        ,10,a,2026-03-01T09:00:00Z,site,consideration,web,-1
        purchase,0,a,2026-03-01T09:05:00Z,checkout,purchase,web,1
        , ,b,2026-03-01T09:00:00Z,site,consideration,web,0.5
        ,,b,2026-03-01T09:01:00Z,site,consideration,web,
        """);
    ObservedJourney o = log.observe();
    assertThat(o.feedback()).containsExactly(
        new TouchpointFeedback("checkout", 1, 1, OptionalDouble.of(1), 1, 0, 0, 1, OptionalDouble.of(-100)),
        new TouchpointFeedback("site", 3, 2, OptionalDouble.of(-0.25), 1, 1, 0, 0, OptionalDouble.of(100)));
    Attribution bought = o.attribution("purchase");
    assertThat(bought.paths()).isEqualTo(2);
    assertThat(bought.conversions()).isEqualTo(1);
    assertThat(o.attribution("refund").conversions()).isZero();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "sentiment | 1.0001 | line 2: sentiment '1.0001' is not a number from -1 to 1",
      "sentiment | -1.0001 | line 2: sentiment '-1.0001' is not a number from -1 to 1",
      "sentiment | NaN | line 2: sentiment 'NaN' is not a number from -1 to 1",
      "sentiment | high | line 2: sentiment 'high' is not a number from -1 to 1",
      "nps | -1 | line 2: nps '-1' is not an integer from 0 to 10",
      "nps | 11 | line 2: nps '11' is not an integer from 0 to 10",
      "nps | 9.5 | line 2: nps '9.5' is not an integer from 0 to 10",
      "timestamp | 2026-03-01 | line 2: timestamp '2026-03-01' is not an ISO-8601 date-time (e.g. 2025-03-14T09:30:00Z "
          + "or 2025-03-14T09:30:00+02:00)",
      "timestamp | 2026-03-01T09:00:00Z-and-more-than-forty-chars | line 2: timestamp "
          + "'2026-03-01T09:00:00Z-and-more-than-fo...' is not an ISO-8601 date-time (e.g. 2025-03-14T09:30:00Z or "
          + "2025-03-14T09:30:00+02:00)",
      "timestamp | 2026-03-01T09:00:00Z-exactly-forty-chars | line 2: timestamp "
          + "'2026-03-01T09:00:00Z-exactly-forty-chars' is not an ISO-8601 date-time (e.g. 2025-03-14T09:30:00Z or "
          + "2025-03-14T09:30:00+02:00)"})
  void aBadCellIsRefusedNamingLineAndValue(String column, String value, String message) {
    String time = column.equals("timestamp") ? value : "2026-03-01T09:00:00Z";
    String sentiment = column.equals("sentiment") ? value : "";
    String nps = column.equals("nps") ? value : "";
    assertThatThrownBy(() -> csv("customer_id,timestamp,touchpoint,stage,channel,sentiment,nps\na," + time
        + ",x,s,web," + sentiment + "," + nps + "\n"))
        .isInstanceOf(CsvFormatException.class).hasMessage(message);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1261-01-01T00:00:00Z", "1677-09-21T00:12:43Z", "2262-04-11T23:47:16Z"})
  void aTimeOutsideTheNanosecondRangeIsRefusedByTheReader(String time) {
    assertThatThrownBy(() -> csv("customer_id,timestamp,touchpoint,stage,channel\na," + time + ",x,s,web\n"))
        .isInstanceOf(CsvFormatException.class).hasMessageStartingWith("line 2: time ")
        .hasMessageEndingWith(" is outside the years 1678 to 2261");
  }

  @Test
  void theTimeLimitsAreInclusive() {
    Instant first = Instant.ofEpochSecond(MIN_SECONDS);
    Instant last = Instant.ofEpochSecond(MAX_SECONDS, 999_999_999);
    EventLog log = EventLog.builder().add("a", first, "x", "s", "web").add("a", last, "y", "s", "web").build();
    assertThat(log.observe().transitions()).extracting(Transition::from, Transition::to)
        .containsExactly(tuple("x", "y"));
    assertThatThrownBy(() -> EventLog.builder().add("a", first.minusNanos(1), "x", "s", "web"))
        .hasMessage("time " + first.minusNanos(1) + " is outside the years 1678 to 2261");
    assertThatThrownBy(() -> EventLog.builder().add("a", last.plusNanos(1), "x", "s", "web"))
        .hasMessage("time " + last.plusNanos(1) + " is outside the years 1678 to 2261");
    long minNanos = MIN_SECONDS * 1_000_000_000L;
    long maxNanos = MAX_SECONDS * 1_000_000_000L + 999_999_999L;
    EventLog columns = EventLog.ofColumns(1, new long[] {minNanos, maxNanos}, new int[] {0, 0}, new int[] {0, 1},
        new int[] {0, 0}, new int[] {0, 0}, List.of("x", "y"), List.of("s"), List.of("web"));
    assertThat(columns.observe().transitions()).extracting(Transition::count).containsExactly(1L);
    assertThatThrownBy(() -> EventLog.ofColumns(1, new long[] {maxNanos + 1}, new int[] {0}, new int[] {0},
        new int[] {0}, new int[] {0}, List.of("x"), List.of("s"), List.of("web")))
        .hasMessageStartingWith("EventLog.ofColumns epochNanos[0] must be within");
    assertThatThrownBy(() -> EventLog.ofColumns(1, new long[] {minNanos - 1}, new int[] {0}, new int[] {0},
        new int[] {0}, new int[] {0}, List.of("x"), List.of("s"), List.of("web")))
        .hasMessageStartingWith("EventLog.ofColumns epochNanos[0] must be within");
  }

  @ParameterizedTest
  @CsvSource({"touchpoints, 0, 1, 0, 0", "touchpoints, 0, -1, 0, 0", "stages, 0, 0, 1, 0", "channels, 0, 0, 0, 1",
      "channels, 0, 0, 0, -1", "customers, 2, 0, 0, 0"})
  void everyCodeColumnIsCheckedAgainstItsNames(String column, int customer, int touchpoint, int stage, int channel) {
    int bad = switch (column) {
      case "touchpoints" -> touchpoint;
      case "stages" -> stage;
      case "channels" -> channel;
      default -> customer;
    };
    int count = column.equals("customers") ? 2 : 1;
    assertThatThrownBy(() -> EventLog.ofColumns(2, new long[] {0, 0}, new int[] {0, customer},
        new int[] {0, touchpoint}, new int[] {0, stage}, new int[] {0, channel}, List.of("x"), List.of("s"),
        List.of("web")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("EventLog.ofColumns " + column + "[1] must be within [0, " + count + "), was " + bad);
  }

  @Test
  void aNumberedLogFindsItsCustomersByNumberOnly() {
    EventLog log = EventLog.ofColumns(3, new long[] {0, 1, 2, 3}, new int[] {0, 0, 1, 2}, new int[] {0, 1, 0, 0},
        new int[] {0, 1, 0, 0}, new int[] {0, 0, 0, 0}, List.of("ad", "site"), List.of("aware", "consider"),
        List.of("web"));
    FunnelReport f = log.observe().funnel(Funnel.of("aware", "consider"));
    assertThat(f.stepsReached("0")).isEqualTo(2);
    assertThat(f.stepsReached("1")).isEqualTo(1);
    assertThat(f.stepsReached("2")).isEqualTo(1);
    assertThat(f.stepsReached("3")).isZero();
    assertThat(f.stepsReached("-1")).isZero();
    assertThat(f.stepsReached("c0")).isZero();
    assertThat(log).hasToString("EventLog[4 events, 3 customers, 2 touchpoints, 2 stages, 1 channels]");
  }
}
