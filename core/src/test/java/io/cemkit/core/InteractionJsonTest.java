package io.cemkit.core;

import static io.cemkit.core.Fixtures.*;
import static io.cemkit.core.InteractionFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** JSON round trips of the interaction, continuation and context value types. */
class InteractionJsonTest {
  static final ObjectMapper MAPPER = Cemkit.objectMapper();

  static Interaction full() {
    return inbound("I-1", noon(2026, 2, 1)).endedAt(noon(2026, 2, 1).plusSeconds(300)).touchpoint(Touchpoint.of("ivr"))
        .stage(JourneyStage.SERVICE).outcome("resolved").sentiment(Sentiment.of(-0.25, Sentiment.Source.MODEL))
        .summary(PersonalData.freeText("card blocked")).agreement(AGREEMENT).amendment(AmendmentId.of("AM-1"))
        .processInstance(ProcessInstanceId.of("P-1")).invoice(InvoiceId.of("INV-1"))
        .continuation(ContinuationId.of("loan-1")).corrects(InteractionId.of("I-0")).build();
  }

  static Continuation continuation() {
    return Continuation.builder().id(ContinuationId.of("loan-1")).customer(CUSTOMER).action("loan-application")
        .token(ContinuationToken.of("abcdefghijklmnopqrstuv")).status(ContinuationStatus.OPEN).step("details")
        .putProgress("amount", "50000").startedOn(Channel.WEB).lastChannel(Channel.BRANCH).startedAt(noon(2026, 3, 1))
        .updatedAt(noon(2026, 3, 2)).expiresAt(noon(2026, 4, 1)).processInstance(ProcessInstanceId.of("P-1"))
        .addSwitches(ChannelSwitch.of(Channel.WEB, Channel.BRANCH, noon(2026, 3, 2), AGENT, InteractionId.of("s-1")))
        .build();
  }

  static Stream<Arguments> values() {
    return Stream.of(
        Arguments.of(full(), Interaction.class),
        Arguments.of(outbound("O-1", Channel.EMAIL, ConsentPurpose.MARKETING, "sales.offer").build(), Interaction.class),
        Arguments.of(continuation(), Continuation.class),
        Arguments.of(ChannelSwitch.of(Channel.WEB, Channel.APP, noon(2026, 3, 2), AGENT, InteractionId.of("s-1")),
            ChannelSwitch.class),
        Arguments.of(Sentiment.of(0.5, Sentiment.Source.CUSTOMER), Sentiment.class),
        Arguments.of(SentimentSummary.of(List.of(full()), noon(2026, 3, 1), Duration.ofDays(30)), SentimentSummary.class),
        Arguments.of(FeedbackSummary.builder().at(noon(2026, 3, 1)).score(9).touchpoint(Touchpoint.of("app"))
            .interaction(InteractionId.of("I-1")).hasComment(true).build(), FeedbackSummary.class),
        Arguments.of(ProcessSummary.builder().id(ProcessInstanceId.of("P-1")).processType("complaint")
            .currentStep("investigate").waitingSince(noon(2026, 3, 1)).build(), ProcessSummary.class),
        Arguments.of(ContextWarning.of(ContextWarning.Code.PAYMENT_OVERDUE, ContextWarning.Severity.HIGH, "overdue",
            Optional.of(AGREEMENT)), ContextWarning.class),
        Arguments.of(InteractionSummary.of(full()), InteractionSummary.class),
        Arguments.of(ContinuationSummary.of(continuation()), ContinuationSummary.class),
        Arguments.of(MaskedContact.of(ContactPoint.of(Channel.EMAIL, PersonalData.email("a@b.com"))),
            MaskedContact.class));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("values")
  @DisplayName("each value type reads back equal to what was written")
  void roundTrip(Object value, Class<?> type) throws Exception {
    assertThat(MAPPER.readValue(MAPPER.writeValueAsString(value), type)).isEqualTo(value);
  }

  @Test
  @DisplayName("codes are plain JSON strings; the token is written in full for storage but never in toString")
  void shapes() throws Exception {
    assertThat(MAPPER.writeValueAsString(JourneyStage.ONBOARDING)).isEqualTo("\"onboarding\"");
    assertThat(MAPPER.writeValueAsString(Touchpoint.of("checkout"))).isEqualTo("\"checkout\"");
    assertThat(MAPPER.writeValueAsString(InteractionClass.of("billing.dispute"))).isEqualTo("\"billing.dispute\"");
    assertThat(MAPPER.writeValueAsString(continuation())).contains("\"token\":\"abcdefghijklmnopqrstuv\"");
    assertThat(continuation().token().toString()).isEqualTo("abcd***");
  }

  @Test
  @DisplayName("bad JSON interactions fail with the rule broken")
  void badJson() {
    String noPurpose = "{\"id\":\"O-1\",\"customer\":\"C-1\",\"channel\":\"EMAIL\",\"direction\":\"OUTBOUND\","
        + "\"classification\":\"sales.offer\",\"startedAt\":\"2026-02-01T10:00:00Z\","
        + "\"performer\":{\"kind\":\"SYSTEM\",\"id\":\"x\"}}";
    assertThatThrownBy(() -> MAPPER.readValue(noPurpose, Interaction.class))
        .isInstanceOf(JsonMappingException.class)
        .hasMessageContaining("a purpose is required for, and only for, outbound interactions");
    assertThatThrownBy(() -> MAPPER.readValue("\"short\"", ContinuationToken.class))
        .isInstanceOf(JsonMappingException.class)
        .hasMessageContaining("ContinuationToken must be 16 to 128 URL-safe characters");
    assertThatThrownBy(() -> Sentiment.of(1.5, Sentiment.Source.MODEL))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("Sentiment.score must be within [-1, 1], was 1.5");
    assertThatThrownBy(() -> Sentiment.of(Double.NaN, Sentiment.Source.MODEL))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("journey stages: six defaults in order, custom codes allowed")
  void stages() {
    assertThat(JourneyStage.defaults()).extracting(JourneyStage::code).containsExactly("awareness", "consideration",
        "purchase", "onboarding", "service", "loyalty");
    assertThat(JourneyStage.of("advocacy").code()).isEqualTo("advocacy");
    assertThat(InteractionClass.of("billing.dispute.fee").parent()).contains(InteractionClass.of("billing.dispute"));
    assertThat(InteractionClass.of("billing.dispute").isWithin(InteractionClass.of("billing"))).isTrue();
    assertThat(InteractionClass.of("billingx").isWithin(InteractionClass.of("billing"))).isFalse();
  }
}
