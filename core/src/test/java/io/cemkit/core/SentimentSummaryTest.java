package io.cemkit.core;

import static io.cemkit.core.Fixtures.*;
import static io.cemkit.core.InteractionFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SentimentSummaryTest {
  static Interaction scored(String id, Instant at, double score) {
    return inbound(id, at).sentiment(Sentiment.of(score, Sentiment.Source.HUMAN)).build();
  }

  @Test
  @DisplayName("weights halve every half-life: today's -1 and a month-old +1 give -1/3")
  void decay() {
    Instant now = noon(2026, 3, 31);
    SentimentSummary s = SentimentSummary.of(List.of(scored("a", now.minus(Duration.ofDays(30)), 1.0),
        scored("b", now, -1.0)), now, Duration.ofDays(30));
    // weights 0.5 and 1: (0.5 * 1 + 1 * -1) / 1.5 = -1/3
    assertThat(s.score().orElseThrow()).isCloseTo(-1.0 / 3, within(1e-12));
    assertThat(s.scored()).isEqualTo(2);
    assertThat(s.label()).contains(Sentiment.Label.NEGATIVE);
    assertThat(s.trend()).isEqualTo(SentimentSummary.Trend.WORSENING);
  }

  @Test
  @DisplayName("trend compares the newer half with the older half")
  void trend() {
    Instant now = noon(2026, 3, 31);
    List<Interaction> improving = List.of(scored("a", noon(2026, 3, 1), -0.5), scored("b", noon(2026, 3, 10), -0.3),
        scored("c", noon(2026, 3, 20), 0.2), scored("d", noon(2026, 3, 30), 0.4));
    assertThat(SentimentSummary.of(improving, now, Duration.ofDays(30)).trend())
        .isEqualTo(SentimentSummary.Trend.IMPROVING);
    List<Interaction> stable = List.of(scored("a", noon(2026, 3, 1), 0.1), scored("b", noon(2026, 3, 10), 0.2),
        scored("c", noon(2026, 3, 20), 0.25));
    assertThat(SentimentSummary.of(stable, now, Duration.ofDays(30)).trend()).isEqualTo(SentimentSummary.Trend.STABLE);
  }

  @Test
  @DisplayName("unscored and future interactions are ignored; nothing scored gives no score and an unknown trend")
  void ignored() {
    Instant now = noon(2026, 3, 31);
    SentimentSummary none = SentimentSummary.of(List.of(inbound("a", noon(2026, 3, 1)).build(),
        scored("b", noon(2026, 4, 1), -1)), now, Duration.ofDays(30));
    assertThat(none.scored()).isZero();
    assertThat(none.score()).isEmpty();
    assertThat(none.label()).isEmpty();
    assertThat(none.trend()).isEqualTo(SentimentSummary.Trend.UNKNOWN);
    SentimentSummary one = SentimentSummary.of(List.of(scored("a", noon(2026, 3, 1), 0.4)), now, Duration.ofDays(30));
    assertThat(one.score()).contains(0.4);
    assertThat(one.trend()).isEqualTo(SentimentSummary.Trend.UNKNOWN);
    assertThatThrownBy(() -> SentimentSummary.of(List.of(), now, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("halfLife must be positive, was PT0S");
  }

  @Test
  @DisplayName("a change of exactly the threshold is a trend; the newer half's mean is over the newer half only")
  void trendEdges() {
    Instant now = noon(2026, 3, 31);
    Duration month = Duration.ofDays(30);
    assertThat(SentimentSummary.of(List.of(scored("a", noon(2026, 3, 1), 0.0), scored("b", noon(2026, 3, 2), 0.2)),
        now, month).trend()).isEqualTo(SentimentSummary.Trend.IMPROVING);
    assertThat(SentimentSummary.of(List.of(scored("a", noon(2026, 3, 1), 0.0), scored("b", noon(2026, 3, 2), -0.2)),
        now, month).trend()).isEqualTo(SentimentSummary.Trend.WORSENING);
    // older half {0.0}, newer half {0.3, 0.3}: a change of 0.3, improving
    assertThat(SentimentSummary.of(List.of(scored("a", noon(2026, 3, 1), 0.0), scored("b", noon(2026, 3, 2), 0.3),
        scored("c", noon(2026, 3, 3), 0.3)), now, month).trend()).isEqualTo(SentimentSummary.Trend.IMPROVING);
  }

  @Test
  @DisplayName("a summary built or read by hand must be consistent: no negative count, a score only when something was scored")
  void consistency() {
    assertThatThrownBy(() -> ImmutableSentimentSummary.builder().scored(-1).halfLife(Duration.ofDays(30))
        .trend(SentimentSummary.Trend.UNKNOWN).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("SentimentSummary.scored must not be negative, was -1");
    assertThatThrownBy(() -> ImmutableSentimentSummary.builder().scored(0).score(0.5).halfLife(Duration.ofDays(30))
        .trend(SentimentSummary.Trend.UNKNOWN).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("SentimentSummary: a score is required for, and only for, a summary of scored interactions "
            + "(scored 0)");
    assertThatThrownBy(() -> ImmutableSentimentSummary.builder().scored(2).halfLife(Duration.ofDays(30))
        .trend(SentimentSummary.Trend.STABLE).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("SentimentSummary: a score is required for, and only for, a summary of scored interactions "
            + "(scored 2)");
  }
}
