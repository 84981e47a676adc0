package io.cemkit.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.cemkit.core.Actor;
import io.cemkit.core.Channel;
import io.cemkit.core.CustomerId;
import io.cemkit.core.Direction;
import io.cemkit.core.Interaction;
import io.cemkit.core.InteractionClass;
import io.cemkit.core.InteractionId;
import io.cemkit.core.JourneyStage;
import io.cemkit.core.Sentiment;
import io.cemkit.core.Touchpoint;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Core's documented interactions become journey events: those with a touchpoint and a stage, in arrival order. */
class EventLogInteractionsTest {
  private static final Instant T0 = Instant.parse("2026-11-01T08:00:00Z");

  private static io.cemkit.core.ImmutableInteraction.Builder interaction(String id, String customer, Instant at, Channel channel) {
    return Interaction.builder().id(InteractionId.of(id)).customer(CustomerId.of(customer)).channel(channel)
        .direction(Direction.INBOUND).classification(InteractionClass.of("service.request")).startedAt(at)
        .performer(Actor.agent("a-1"));
  }

  @Test
  void interactions_with_a_touchpoint_and_a_stage_become_events_with_their_channel_outcome_and_sentiment() {
    List<Interaction> interactions = List.of(
        interaction("i-1", "C-1", T0, Channel.WEB).touchpoint(Touchpoint.of("web-visit"))
            .stage(JourneyStage.of("consideration")).sentiment(Sentiment.of(0.5, Sentiment.Source.MODEL)).build(),
        interaction("i-2", "C-1", T0.plusSeconds(1_800), Channel.PHONE).build(),
        interaction("i-3", "C-1", T0.plusSeconds(3_600), Channel.BRANCH).touchpoint(Touchpoint.of("branch-visit"))
            .stage(JourneyStage.of("purchase")).outcome("account-opened")
            .sentiment(Sentiment.of(-0.25, Sentiment.Source.HUMAN)).build(),
        interaction("i-4", "C-2", T0.plusSeconds(60), Channel.APP).touchpoint(Touchpoint.of("web-visit")).build());

    EventLog log = EventLog.ofInteractions(interactions);

    // i-2 has no touchpoint and i-4 no stage: they are not journey events.
    assertThat(log.size()).isEqualTo(2);
    assertThat(log.customerCount()).isEqualTo(1);
    ObservedJourney observed = log.observe();
    assertThat(observed.transitions()).containsExactly(new Transition("web-visit", "branch-visit", 1, 3_600, 3_600));
    assertThat(observed.feedback()).extracting(TouchpointFeedback::touchpoint, f -> f.meanSentiment().getAsDouble())
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("web-visit", 0.5),
            org.assertj.core.groups.Tuple.tuple("branch-visit", -0.25));
    assertThat(observed.channelSwitches().switches()).isEqualTo(1L);
  }
}
