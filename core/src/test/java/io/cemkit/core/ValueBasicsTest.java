package io.cemkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cemkit.core.spi.Versioned;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Edges of the small value types: ranges, bands, equality; mutation testing found them unchecked. */
class ValueBasicsTest {
  private static final LocalDate MAR_1 = LocalDate.of(2026, 3, 1);
  private static final LocalDate MAR_31 = LocalDate.of(2026, 3, 31);

  @Test
  void aDateRangeContainsBothEndsAndNothingOutside() {
    DateRange march = DateRange.of(MAR_1, MAR_31);
    assertThat(march.contains(MAR_1)).isTrue();
    assertThat(march.contains(MAR_31)).isTrue();
    assertThat(march.contains(LocalDate.of(2026, 3, 15))).isTrue();
    assertThat(march.contains(MAR_1.minusDays(1))).isFalse();
    assertThat(march.contains(MAR_31.plusDays(1))).isFalse();
    DateRange open = DateRange.from(MAR_1);
    assertThat(open.contains(LocalDate.of(2999, 1, 1))).isTrue();
    assertThat(open.contains(MAR_1)).isTrue();
    assertThat(open.contains(MAR_1.minusDays(1))).isFalse();
  }

  @ParameterizedTest
  @CsvSource({"-1, NEGATIVE", "-0.25, NEGATIVE", "-0.2499, NEUTRAL", "0, NEUTRAL", "0.2499, NEUTRAL",
      "0.25, POSITIVE", "1, POSITIVE"})
  void sentimentBandsIncludeTheirThresholds(double score, Sentiment.Label label) {
    assertThat(Sentiment.Label.of(score)).isEqualTo(label);
    assertThat(Sentiment.of(score, Sentiment.Source.MODEL).label()).isEqualTo(label);
  }

  @Test
  void aSentimentPrintsScoreBandAndSource() {
    assertThat(Sentiment.of(-0.5, Sentiment.Source.HUMAN)).hasToString("-0.50 (NEGATIVE, HUMAN)");
    assertThat(Sentiment.of(0.25, Sentiment.Source.CUSTOMER)).hasToString("0.25 (POSITIVE, CUSTOMER)");
  }

  @ParameterizedTest
  @CsvSource({"0, true", "6, true", "7, false", "10, false"})
  void feedbackDetractorsScoreZeroToSix(int score, boolean detractor) {
    FeedbackSummary f = FeedbackSummary.builder().at(Instant.EPOCH).score(score).build();
    assertThat(f.isDetractor()).isEqualTo(detractor);
    assertThat(f.score()).contains(score);
  }

  @Test
  void feedbackWithoutScoreIsNoDetractorAndHasNoCommentUnlessSaid() {
    FeedbackSummary f = FeedbackSummary.builder().at(Instant.EPOCH).build();
    assertThat(f.isDetractor()).isFalse();
    assertThat(f.hasComment()).isFalse();
    assertThat(FeedbackSummary.builder().at(Instant.EPOCH).hasComment(true).build().hasComment()).isTrue();
    assertThatThrownBy(() -> FeedbackSummary.builder().at(Instant.EPOCH).score(-1).build())
        .hasMessage("FeedbackSummary.score must be 0 to 10, was -1");
    assertThatThrownBy(() -> FeedbackSummary.builder().at(Instant.EPOCH).score(11).build())
        .hasMessage("FeedbackSummary.score must be 0 to 10, was 11");
  }

  @Test
  void aTaxonomyHoldsTheGivenClassesAndTheirAncestorsSortedByCode() {
    InteractionTaxonomy t = InteractionTaxonomy.of("service.card.lost", "billing.dispute");
    assertThat(t.classes()).extracting(InteractionClass::code)
        .containsExactly("billing", "billing.dispute", "service", "service.card", "service.card.lost");
    assertThat(t).isEqualTo(InteractionTaxonomy.of(List.of(InteractionClass.of("billing.dispute"),
        InteractionClass.of("service.card.lost"), InteractionClass.of("service"))));
    assertThat(t).hasSameHashCodeAs(InteractionTaxonomy.of("billing.dispute", "service.card.lost"));
    assertThat(t).isNotEqualTo(InteractionTaxonomy.of("billing.dispute")).isNotEqualTo("billing.dispute");
    assertThat(t).hasToString("InteractionTaxonomy[billing, billing.dispute, service, service.card, "
        + "service.card.lost]");
    assertThat(t.require(InteractionClass.of("service.card"))).isEqualTo(InteractionClass.of("service.card"));
  }

  @Test
  void anUnknownClassIsRefusedWithItsKnownSiblings() {
    InteractionTaxonomy t = InteractionTaxonomy.of("service.card", "service.loan.early", "billing.dispute");
    assertThatThrownBy(() -> t.require(InteractionClass.of("service.mortgage")))
        .hasMessage("Interaction class 'service.mortgage' is not in the taxonomy; known under service: service.card, "
            + "service.loan");
    assertThatThrownBy(() -> t.require(InteractionClass.of("sales")))
        .hasMessage("Interaction class 'sales' is not in the taxonomy; known: billing, service");
    assertThatThrownBy(() -> t.require(InteractionClass.of("service.card.lost")))
        .hasMessage("Interaction class 'service.card.lost' is not in the taxonomy; known under service.card: none");
  }

  @Test
  void versionedRecordsAreEqualByValueAndRevision() {
    Versioned<String> a = Versioned.of("x", 2);
    assertThat(a).isEqualTo(Versioned.of("x", 2)).hasSameHashCodeAs(Versioned.of("x", 2));
    assertThat(a).isNotEqualTo(Versioned.of("x", 3)).isNotEqualTo(Versioned.of("y", 2)).isNotEqualTo("x");
    assertThat(a.hashCode()).isNotEqualTo(Versioned.of("x", 3).hashCode()).isNotEqualTo(Versioned.of("y", 2).hashCode());
    assertThat(a).hasToString("x@2");
    assertThat(Versioned.of("x", 1).revision()).isEqualTo(1);
    assertThatThrownBy(() -> Versioned.of("x", 0)).hasMessage("Versioned.revision must be at least 1, was 0");
  }
}
