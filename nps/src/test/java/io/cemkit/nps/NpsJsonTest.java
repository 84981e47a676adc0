package io.cemkit.nps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.cemkit.core.Cemkit;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * JSON through {@link Cemkit#objectMapper()}: one round trip per value type, the exact text of an
 * estimate, and the computed figures read back from JSON against section {@code [json]} of
 * {@code src/test/resources/reference/nps_reference.py}.
 */
class NpsJsonTest {
  private final ObjectMapper mapper = Cemkit.objectMapper();

  private <T> T roundTrip(T value, Class<T> type) throws JsonProcessingException {
    return mapper.readValue(mapper.writeValueAsString(value), type);
  }

  @Test
  void estimateIsWrittenWithItsFieldNamesInOrderAndIntervalsAsArrays() throws JsonProcessingException {
    NpsEstimate estimate = NpsEstimate.builder().n(10).promoters(5).passives(2).detractors(3).nps(20.0)
        .standardError(27.5).intervals(NpsIntervals.builder().wald(Interval.of(-34.0, 74.0))
            .adjustedWald(Interval.of(-30.25, 61.125)).score(Interval.of(-33.0, 62.75)).build())
        .build();
    // NpsIntervals has no explicit order, so the mapper's alphabetical order applies.
    assertThat(mapper.writeValueAsString(estimate)).isEqualTo("{\"n\":10,\"promoters\":5,\"passives\":2,"
        + "\"detractors\":3,\"nps\":20.0,\"standardError\":27.5,\"intervals\":{\"adjustedWald\":[-30.25,61.125],"
        + "\"score\":[-33.0,62.75],\"wald\":[-34.0,74.0]}}");
    assertThat(roundTrip(estimate, NpsEstimate.class)).isEqualTo(estimate);
  }

  @Test
  void weightedFiguresAppearOnlyForAWeightedTally() throws JsonProcessingException {
    WeightedNps weighted = WeightedNps.builder().nps(42.5).effectiveSampleSize(2.25).standardError(47.75)
        .interval(Interval.of(-51.0, 136.0)).build();
    NpsEstimate estimate = NpsEstimate.builder().n(3).promoters(1).passives(1).detractors(1).nps(0.0)
        .standardError(47.0).intervals(NpsIntervals.builder().wald(Interval.of(-92.0, 92.0))
            .adjustedWald(Interval.of(-61.0, 61.0)).score(Interval.of(-69.0, 69.0)).build())
        .weighted(weighted).build();
    assertThat(mapper.writeValueAsString(estimate)).endsWith(",\"weighted\":{\"effectiveSampleSize\":2.25,"
        + "\"interval\":[-51.0,136.0],\"nps\":42.5,\"standardError\":47.75}}");
    assertThat(roundTrip(estimate, NpsEstimate.class)).isEqualTo(estimate);
    assertThat(roundTrip(weighted, WeightedNps.class)).isEqualTo(weighted);

    NpsTally plain = NpsTally.of(0, 7, 10);
    assertThat(mapper.readTree(mapper.writeValueAsString(NpsStatistics.estimate(plain))).has("weighted")).isFalse();
    NpsTally weightedTally = NpsTally.strict();
    weightedTally.record(10, 2.0);
    weightedTally.record(0, 0.5);
    weightedTally.record(7, 1.0);
    JsonNode node = mapper.readTree(mapper.writeValueAsString(NpsStatistics.estimate(weightedTally)));
    // 100·(2 − 0.5)/3.5 = 42.857142857142854; n_eff = 3.5²/5.25 = 2.3333333333333335.
    assertThat(node.get("weighted").get("nps").asDouble()).isCloseTo(300.0 / 7, within(1e-12));
    assertThat(node.get("weighted").get("effectiveSampleSize").asDouble()).isCloseTo(7.0 / 3, within(1e-12));
  }

  @Test
  void computedEstimateReadsBackWithTheReferenceFigures() throws JsonProcessingException {
    NpsEstimate estimate = NpsStatistics.estimate(NpsTally.of(0, 5, 7, 8, 9, 10, 10, 3, 9, 9));
    String json = mapper.writeValueAsString(estimate);
    assertThat(mapper.readValue(json, NpsEstimate.class)).isEqualTo(estimate);
    JsonNode node = mapper.readTree(json);
    assertThat(node.get("n").asLong()).isEqualTo(10L);
    assertThat(node.get("promoters").asLong()).isEqualTo(5L);
    assertThat(node.get("passives").asLong()).isEqualTo(2L);
    assertThat(node.get("detractors").asLong()).isEqualTo(3L);
    // nps_reference.py [json]: nps=20.0 se=27.568097504180443 wald -34.03247823048222 74.03247823048221
    // adj -30.32599443550416 61.09522520473494 score -32.95479117191665 62.82414851191157
    assertThat(node.get("nps").asDouble()).isEqualTo(20.0);
    assertThat(node.get("standardError").asDouble()).isCloseTo(27.568097504180443, within(1e-9));
    JsonNode intervals = node.get("intervals");
    assertThat(intervals.get("wald").get(0).asDouble()).isCloseTo(-34.03247823048222, within(1e-9));
    assertThat(intervals.get("wald").get(1).asDouble()).isCloseTo(74.03247823048221, within(1e-9));
    assertThat(intervals.get("adjustedWald").get(0).asDouble()).isCloseTo(-30.32599443550416, within(1e-9));
    assertThat(intervals.get("adjustedWald").get(1).asDouble()).isCloseTo(61.09522520473494, within(1e-9));
    assertThat(intervals.get("score").get(0).asDouble()).isCloseTo(-32.95479117191665, within(1e-9));
    assertThat(intervals.get("score").get(1).asDouble()).isCloseTo(62.82414851191157, within(1e-9));
    assertThat(intervals.get("wald").size()).isEqualTo(2);
  }

  @Test
  void emptyEstimateHasNoScoreNeverZeroAndRoundTrips() throws JsonProcessingException {
    NpsEstimate empty = NpsStatistics.estimate(NpsTally.strict());
    String json = mapper.writeValueAsString(empty);
    JsonNode node = mapper.readTree(json);
    for (String field : new String[] {"nps", "standardError", "intervals"}) {
      // Absent or null, but never a number.
      assertThat(node.path(field).isMissingNode() || node.path(field).isNull()).as(field).isTrue();
    }
    assertThat(mapper.readValue(json, NpsEstimate.class)).isEqualTo(empty);
    // Written out as null, it reads back the same.
    assertThat(mapper.readValue("{\"n\":0,\"promoters\":0,\"passives\":0,\"detractors\":0,\"nps\":null,"
        + "\"standardError\":null,\"intervals\":null}", NpsEstimate.class)).isEqualTo(empty);
  }

  @Test
  void emptyEstimateWritesNullsAsItsJavadocSays() throws JsonProcessingException {
    assertThat(mapper.writeValueAsString(NpsStatistics.estimate(NpsTally.strict())))
        .isEqualTo("{\"n\":0,\"promoters\":0,\"passives\":0,\"detractors\":0,\"nps\":null,"
            + "\"standardError\":null,\"intervals\":null}");
  }

  @Test
  void estimateRejectsInconsistentJson() {
    // n must equal P + A + D, and the score must be present exactly when n > 0.
    assertThatThrownBy(() -> mapper.readValue("{\"n\":3,\"promoters\":1,\"passives\":1,\"detractors\":0}",
        NpsEstimate.class))
        .isInstanceOf(ValueInstantiationException.class)
        .hasMessageContaining("NpsEstimate.n must equal promoters + passives + detractors, was 3 vs 2");
    assertThatThrownBy(() -> mapper.readValue("{\"n\":0,\"promoters\":0,\"passives\":0,\"detractors\":0,"
        + "\"nps\":0.0}", NpsEstimate.class))
        .isInstanceOf(ValueInstantiationException.class)
        .hasMessageContaining("must be present exactly when n > 0 (n = 0)");
  }

  @Test
  void comparisonRoundTripsInItsDeclaredOrder() throws JsonProcessingException {
    NpsComparison comparison = NpsComparison.builder().a("March").b("April").nA(87).nB(94).npsA(46.0)
        .npsB(39.5).difference(6.5).standardError(10.5).z(0.625).pValue(0.5).interval(Interval.of(-14.0, 27.0))
        .build();
    assertThat(mapper.writeValueAsString(comparison)).isEqualTo("{\"a\":\"March\",\"b\":\"April\",\"nA\":87,"
        + "\"nB\":94,\"npsA\":46.0,\"npsB\":39.5,\"difference\":6.5,\"standardError\":10.5,\"z\":0.625,"
        + "\"pValue\":0.5,\"interval\":[-14.0,27.0]}");
    assertThat(roundTrip(comparison, NpsComparison.class)).isEqualTo(comparison);

    // Computed, including an undefined z (zero error, non-zero difference), written as null.
    NpsComparison computed = NpsStatistics.compare("a", NpsTally.of(10, 10), "b", NpsTally.of(0, 0),
        IntervalMethod.WALD, 0.95);
    assertThat(mapper.writeValueAsString(computed)).isEqualTo("{\"a\":\"a\",\"b\":\"b\",\"nA\":2,\"nB\":2,"
        + "\"npsA\":100.0,\"npsB\":-100.0,\"difference\":200.0,\"standardError\":0.0,\"z\":null,\"pValue\":0.0,"
        + "\"interval\":[200.0,200.0]}");
    NpsComparison back = roundTrip(computed, NpsComparison.class);
    assertThat(back).isEqualTo(computed);
    assertThat(back.z()).isEqualTo(Optional.empty());
    NpsComparison adjusted = NpsStatistics.compare("a", NpsTally.of(0, 9, 10, 7), "b", NpsTally.of(3, 10),
        IntervalMethod.ADJUSTED_WALD, 0.9);
    assertThat(roundTrip(adjusted, NpsComparison.class)).isEqualTo(adjusted);
  }

  @Test
  void intervalsRoundTripAndIntervalIsATwoElementArray() throws JsonProcessingException {
    NpsIntervals intervals = NpsIntervals.builder().wald(Interval.of(-1.5, 2.0)).adjustedWald(Interval.of(-1, 1))
        .score(Interval.of(0, 0)).build();
    assertThat(mapper.writeValueAsString(intervals))
        .isEqualTo("{\"adjustedWald\":[-1.0,1.0],\"score\":[0.0,0.0],\"wald\":[-1.5,2.0]}");
    assertThat(roundTrip(intervals, NpsIntervals.class)).isEqualTo(intervals);
    NpsIntervals computed = NpsStatistics.estimate(NpsTally.of(1, 2, 9, 10, 8)).intervals().orElseThrow();
    assertThat(roundTrip(computed, NpsIntervals.class)).isEqualTo(computed);

    assertThat(mapper.writeValueAsString(Interval.of(-138.5, 138.5))).isEqualTo("[-138.5,138.5]");
    assertThat(mapper.readValue("[-1.5,2.0]", Interval.class)).isEqualTo(Interval.of(-1.5, 2.0));
    assertThat(roundTrip(Interval.of(-0.1, 0.3), Interval.class)).isEqualTo(Interval.of(-0.1, 0.3));
  }

  @Test
  void intervalRejectsReversedBoundsAndObjectShape() {
    assertThatThrownBy(() -> mapper.readValue("[3.0,2.0]", Interval.class))
        .isInstanceOf(ValueInstantiationException.class)
        .hasMessageContaining("Interval needs finite bounds with low <= high, was [3.0, 2.0]");
    assertThatThrownBy(() -> mapper.readValue("{\"low\":1,\"high\":2}", Interval.class))
        .isInstanceOf(MismatchedInputException.class);
  }

  @Test
  void weightedNpsRejectsAScoreOutsidePlusMinusHundred() {
    assertThatThrownBy(() -> mapper.readValue("{\"effectiveSampleSize\":2.0,\"interval\":[0.0,1.0],"
        + "\"nps\":100.5,\"standardError\":1.0}", WeightedNps.class))
        .isInstanceOf(ValueInstantiationException.class)
        .hasMessageContaining("WeightedNps.nps must be -100 to 100, was 100.5");
  }
}
