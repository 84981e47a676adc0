package io.cemkit.nps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cemkit.core.VirtualClock;
import io.cemkit.core.Actor;
import io.cemkit.core.Channel;
import io.cemkit.core.CustomerId;
import io.cemkit.core.Direction;
import io.cemkit.core.DuplicateEntityException;
import io.cemkit.core.FeedbackSummary;
import io.cemkit.core.IllegalTransitionException;
import io.cemkit.core.Interaction;
import io.cemkit.core.InteractionClass;
import io.cemkit.core.InteractionId;
import io.cemkit.core.PersonalData;
import io.cemkit.core.ProcessInstanceId;
import io.cemkit.core.Touchpoint;
import io.cemkit.core.UnknownEntityException;
import io.cemkit.nps.spi.FeedbackListener;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FeedbackLoopTest {
  private static final Instant T0 = Instant.parse("2025-05-01T10:00:00Z");
  private static final CustomerId DANA = CustomerId.of("C-1");

  private final VirtualClock clock = VirtualClock.at(T0);
  private final List<String> events = new ArrayList<>();
  private final FeedbackLoop loop = FeedbackLoop.builder().clock(clock).listener(new FeedbackListener() {
    @Override
    public void onResponse(NpsResponse response) {
      events.add("response " + response.id());
    }

    @Override
    public void onDetractor(NpsResponse response, FollowUp followUp) {
      events.add("detractor " + response.id() + " " + followUp.id());
    }

    @Override
    public void onPromoter(NpsResponse response) {
      events.add("promoter " + response.id());
    }

    @Override
    public void onFollowUpChanged(FollowUp followUp) {
      events.add(followUp.state() + " " + followUp.id());
    }
  }).build();

  private static NpsResponse response(String id, int score, Instant at) {
    return NpsResponse.builder().id(ResponseId.of(id)).score(score).at(at).customer(DANA).build();
  }

  @Test
  @DisplayName("a detractor opens a follow-up and is announced; a promoter and a passive are not followed up")
  void categoriesAndEvents() {
    FeedbackLoop.Recorded detractor = loop.record(response("R-1", 4, T0));
    FeedbackLoop.Recorded promoter = loop.record(response("R-2", 9, T0));
    FeedbackLoop.Recorded passive = loop.record(response("R-3", 7, T0));
    assertThat(detractor.category()).isEqualTo(NpsCategory.DETRACTOR);
    assertThat(detractor.followUp()).map(FollowUp::id).contains(FollowUpId.of("R-1"));
    assertThat(promoter.followUp()).isEmpty();
    assertThat(passive.category()).isEqualTo(NpsCategory.PASSIVE);
    assertThat(events).containsExactly("response R-1", "detractor R-1 R-1", "response R-2", "promoter R-2",
        "response R-3");
    assertThat(loop.followUps(FollowUpState.OPEN)).extracting(FollowUp::response)
        .containsExactly(ResponseId.of("R-1"));
  }

  @Test
  @DisplayName("follow-up from open to contacted to resolved, with the times to contact and to close")
  void followUpLifecycle() {
    loop.record(response("R-1", 2, T0));
    FollowUpId id = FollowUpId.of("R-1");
    clock.advance(Duration.ofHours(2));
    FollowUp contacted = loop.contact(id, Actor.agent("A-7"));
    clock.advance(Duration.ofHours(22));
    FollowUp resolved = loop.resolve(id, "refund issued");
    assertThat(contacted.state()).isEqualTo(FollowUpState.CONTACTED);
    assertThat(resolved.state()).isEqualTo(FollowUpState.RESOLVED);
    assertThat(resolved.timeToContact()).contains(Duration.ofHours(2));
    assertThat(resolved.timeToClose()).contains(Duration.ofHours(24));
    assertThat(resolved.contactedBy()).contains(Actor.agent("A-7"));
    assertThat(loop.followUp(id)).contains(resolved);
    assertThat(loop.followUps(FollowUpState.OPEN)).isEmpty();
    assertThat(loop.followUps(FollowUpState.RESOLVED)).containsExactly(resolved);
    assertThat(events).endsWith("CONTACTED R-1", "RESOLVED R-1");
    assertThatThrownBy(() -> loop.contact(id, Actor.agent("A-7")))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("FollowUp R-1 is RESOLVED; CONTACT is not allowed");
  }

  @Test
  @DisplayName("the host links the process it started; a second process is refused")
  void linkProcess() {
    AtomicReference<FollowUp> opened = new AtomicReference<>();
    FeedbackLoop withProcess = FeedbackLoop.builder().clock(clock).listener(new FeedbackListener() {
      @Override
      public void onDetractor(NpsResponse response, FollowUp followUp) {
        opened.set(followUp);
      }
    }).build();
    withProcess.record(response("R-9", 0, T0));
    FollowUp linked = withProcess.linkProcess(opened.get().id(), ProcessInstanceId.of("P-1"));
    assertThat(linked.process()).contains(ProcessInstanceId.of("P-1"));
    assertThat(withProcess.linkProcess(opened.get().id(), ProcessInstanceId.of("P-1"))).isEqualTo(linked);
    assertThatThrownBy(() -> withProcess.linkProcess(opened.get().id(), ProcessInstanceId.of("P-2")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("already linked to process P-1");
  }

  @Test
  @DisplayName("promoters get follow-ups (invitations) when configured")
  void promoterFollowUps() {
    FeedbackLoop invite = FeedbackLoop.builder().clock(clock).followUpPromoters(true).build();
    assertThat(invite.record(response("R-1", 10, T0)).followUp()).map(FollowUp::reason)
        .contains(NpsCategory.PROMOTER);
  }

  @Test
  @DisplayName("an invalid score or a repeated id is refused and nothing is stored")
  void refusals() {
    assertThatThrownBy(() -> loop.record(response("R-1", 11, T0)))
        .isInstanceOf(InvalidScoreException.class).hasMessageStartingWith("Score 11 of response R-1 is not on");
    assertThat(loop.responses(T0, T0.plusSeconds(1))).isEmpty();
    loop.record(response("R-1", 5, T0));
    assertThatThrownBy(() -> loop.record(response("R-1", 5, T0))).isInstanceOf(DuplicateEntityException.class);
    assertThatThrownBy(() -> loop.contact(FollowUpId.of("FU-X"), Actor.agent("A")))
        .isInstanceOf(UnknownEntityException.class).hasMessageContaining("FU-X");
  }

  @Test
  @DisplayName("a 5-point scale: 1–3 detractors, 4 passive, 5 promoter")
  void otherScale() {
    FeedbackLoop fivePoint = FeedbackLoop.builder().clock(clock).scale(NpsScale.of(1, 5, 4, 5)).build();
    assertThat(fivePoint.record(response("R-1", 3, T0)).category()).isEqualTo(NpsCategory.DETRACTOR);
    assertThat(fivePoint.record(response("R-2", 5, T0)).category()).isEqualTo(NpsCategory.PROMOTER);
    assertThatThrownBy(() -> fivePoint.record(response("R-3", 0, T0))).isInstanceOf(InvalidScoreException.class);
    assertThat(fivePoint.tally(T0, T0.plusSeconds(1)).nps()).hasValue(0.0);
  }

  @Test
  @DisplayName("a response after an interaction carries its customer, touchpoint, channel and agent (N7)")
  void forInteraction() {
    Interaction call = Interaction.builder().id(InteractionId.of("I-1")).customer(DANA).channel(Channel.PHONE)
        .direction(Direction.INBOUND).classification(InteractionClass.of("service.billing"))
        .touchpoint(Touchpoint.of("call-centre")).startedAt(T0).performer(Actor.agent("A-3")).build();
    NpsResponse r = NpsResponse.forInteraction(ResponseId.of("R-1"), call, 6, T0.plusSeconds(60))
        .comment(PersonalData.freeText("the agent was rude")).build();
    assertThat(r.customer()).contains(DANA);
    assertThat(r.interaction()).contains(InteractionId.of("I-1"));
    assertThat(r.touchpoint()).contains(Touchpoint.of("call-centre"));
    assertThat(r.dimension("channel")).contains("PHONE");
    assertThat(r.dimension("agent")).contains("A-3");
    assertThat(r.toString()).doesNotContain("rude");
  }

  @Test
  @DisplayName("as the customer context's feedback source: the latest response at or before the instant")
  void feedbackSource() {
    loop.record(response("R-1", 3, T0));
    loop.record(NpsResponse.builder().id(ResponseId.of("R-2")).score(10).at(T0.plusSeconds(100)).customer(DANA)
        .touchpoint(Touchpoint.of("app")).comment(PersonalData.freeText("great")).build());
    assertThat(loop.latestFor(DANA, T0.plusSeconds(50))).map(FeedbackSummary::score).contains(java.util.Optional.of(3));
    FeedbackSummary latest = loop.latestFor(DANA, T0.plusSeconds(100)).orElseThrow();
    assertThat(latest.score()).contains(10);
    assertThat(latest.hasComment()).isTrue();
    assertThat(latest.touchpoint()).contains(Touchpoint.of("app"));
    assertThat(loop.latestFor(DANA, T0.minusSeconds(1))).isEmpty();
    assertThat(loop.latestFor(CustomerId.of("C-2"), T0)).isEmpty();
  }

  @Test
  @DisplayName("tally of a time range, weighted when responses carry weights")
  void tally() {
    loop.record(response("R-1", 10, T0));
    loop.record(NpsResponse.builder().id(ResponseId.of("R-2")).score(0).at(T0.plusSeconds(10)).weight(3).build());
    loop.record(response("R-3", 0, T0.plusSeconds(20)));
    NpsTally tally = loop.tally(T0, T0.plusSeconds(20));
    assertThat(tally.n()).isEqualTo(2);
    assertThat(tally.weightSum(NpsCategory.DETRACTOR)).isEqualTo(3.0);
    assertThat(loop.responses(T0, T0.plusSeconds(21))).extracting(NpsResponse::id)
        .containsExactly(ResponseId.of("R-1"), ResponseId.of("R-2"), ResponseId.of("R-3"));
  }

  @Test
  @DisplayName("follow-up invariants: times in order, states consistent, passives never followed up")
  void followUpChecks() {
    FollowUp open = FollowUp.builder().id(FollowUpId.of("F")).response(ResponseId.of("R")).reason(NpsCategory.DETRACTOR)
        .state(FollowUpState.OPEN).openedAt(T0).build();
    assertThatThrownBy(() -> open.contact(Actor.agent("A"), T0.minusSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before openedAt");
    assertThatThrownBy(() -> FollowUp.builder().id(FollowUpId.of("F")).response(ResponseId.of("R"))
        .reason(NpsCategory.PASSIVE).state(FollowUpState.OPEN).openedAt(T0).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PASSIVE");
    assertThatThrownBy(() -> FollowUp.builder().id(FollowUpId.of("F")).response(ResponseId.of("R"))
        .reason(NpsCategory.DETRACTOR).state(FollowUpState.RESOLVED).openedAt(T0).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RESOLVED");
    FollowUp resolved = open.resolve("called back", T0.plusSeconds(5));
    assertThat(resolved.timeToContact()).isEmpty();
    assertThat(resolved.timeToClose()).contains(Duration.ofSeconds(5));
  }

}
