package io.cemkit.journey;

import static io.cemkit.journey.Fixtures.BUY;
import static io.cemkit.journey.Fixtures.USE;
import static io.cemkit.journey.Fixtures.outside;
import static io.cemkit.journey.Fixtures.tp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cemkit.core.Touchpoint;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class InterfacesTest {

  private static JourneyMap map(MapTouchpoint... touchpoints) {
    return Fixtures.twoStages().addTouchpoints(touchpoints).build();
  }

  @Test
  @DisplayName("each stage lists its departments in order of appearance and the messages each gives")
  void interfaces() {
    JourneyMap map = map(
        tp("a", BUY, "Sales", "happy").putMessages("price", "10 a month").putMessages("contract", "No contract")
            .build(),
        tp("b", BUY, "Billing", "happy").build(),
        tp("c", BUY, "Sales", "happy").build(),
        outside("d", BUY, "happy").owner("Press").putMessages("price", "Hidden fees!").build(),
        tp("e", USE, "Support", "bored").build());
    List<StageInterfaces> interfaces = map.interfaces();
    assertThat(interfaces).extracting(StageInterfaces::stage).containsExactly(BUY, USE);
    assertThat(interfaces.get(0).owners()).as("uncontrolled touchpoints are nobody's department")
        .containsExactly("Sales", "Billing");
    assertThat(interfaces.get(0).messages()).containsExactly(
        InterfaceMessage.of("Sales", Touchpoint.of("a"), "contract", "No contract"),
        InterfaceMessage.of("Sales", Touchpoint.of("a"), "price", "10 a month"));
    assertThat(interfaces.get(1).owners()).containsExactly("Support");
    assertThat(interfaces.get(1).messages()).isEmpty();
    assertThat(map.interfaceConflicts()).isEmpty();
  }

  @Test
  @DisplayName("two departments that say different things on a topic in one stage are flagged")
  void conflict() {
    JourneyMap map = map(
        tp("a", BUY, "Sales", "happy").putMessages("fee", "No fee for a second card").build(),
        tp("b", BUY, "Billing", "angry").putMessages("fee", "A second card costs 15 a month").build(),
        tp("c", BUY, "Sales", "angry").putMessages("fee", "no fee  for a SECOND card").build(),
        tp("d", USE, "Support", "bored").putMessages("fee", "Something else again").build());
    assertThat(map.interfaceConflicts()).singleElement().satisfies(c -> {
      assertThat(c.stage()).isEqualTo(BUY);
      assertThat(c.topic()).isEqualTo("fee");
      assertThat(c.owners()).containsExactly("Sales", "Billing");
      assertThat(c.messages()).extracting(m -> m.touchpoint().code()).containsExactly("a", "b", "c");
    });
  }

  @Test
  @DisplayName("no conflict: the same words up to case and spaces, one department alone, or different topics")
  void noConflict() {
    assertThat(map(tp("a", BUY, "Sales", "happy").putMessages("fee", "No fee").build(),
        tp("b", BUY, "Billing", "happy").putMessages("fee", "  no   FEE ").build(),
        tp("c", USE, "Support", "happy").build()).interfaceConflicts()).isEmpty();
    assertThat(map(tp("a", BUY, "Sales", "happy").putMessages("fee", "No fee").build(),
        tp("b", BUY, "Sales", "happy").putMessages("fee", "A fee").build(),
        tp("c", USE, "Support", "happy").build()).interfaceConflicts()).as("one department contradicting itself")
        .isEmpty();
    assertThat(map(tp("a", BUY, "Sales", "happy").putMessages("fee", "No fee").build(),
        tp("b", BUY, "Billing", "happy").putMessages("delivery", "Two days").build(),
        tp("c", USE, "Support", "happy").putMessages("fee", "A fee").build()).interfaceConflicts())
        .as("different topics, or the same topic in another stage").isEmpty();
  }

  @Test
  @DisplayName("a conflict value needs two departments and two different messages")
  void conflictChecks() {
    InterfaceMessage a = InterfaceMessage.of("Sales", Touchpoint.of("a"), "fee", "No fee");
    InterfaceMessage b = InterfaceMessage.of("Sales", Touchpoint.of("b"), "fee", "A fee");
    InterfaceMessage c = InterfaceMessage.of("Billing", Touchpoint.of("c"), "fee", "no fee");
    assertThatThrownBy(() -> InterfaceConflict.of(BUY, "fee", List.of(a, b)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("InterfaceConflict on 'fee' needs at least two departments, had [Sales]");
    assertThatThrownBy(() -> InterfaceConflict.of(BUY, "fee", List.of(a, c)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("InterfaceConflict on 'fee' needs at least two different messages");
  }
}
