package io.cemkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TransitionTableTest {
  enum Light { OFF, ON, BROKEN }

  enum Press { SWITCH, DIM, REPAIR }

  private static TransitionTable.Builder<Light, Press> partial() {
    return TransitionTable.builder("Light", Light.class, Press.class)
        .allow(Light.OFF, Press.SWITCH, Light.ON)
        .allow(Light.ON, Press.SWITCH, Light.OFF)
        .allow(Light.ON, Press.DIM, Light.ON)
        .forbid(Light.OFF, "the light is off", Press.DIM)
        .forbid(Light.OFF, "nothing to repair", Press.REPAIR)
        .forbid(Light.ON, "nothing to repair", Press.REPAIR);
  }

  private static TransitionTable<Light, Press> table() {
    return partial().allow(Light.BROKEN, Press.REPAIR, Light.OFF).forbidOthers(Light.BROKEN, "it is broken").build();
  }

  @Test
  @DisplayName("build() refuses a table with undeclared cells and names every one")
  void incompleteTable() {
    assertThatThrownBy(() -> partial().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Light transition table leaves 3 cell(s) undeclared: BROKEN × SWITCH, BROKEN × DIM, "
            + "BROKEN × REPAIR");
  }

  @Test
  @DisplayName("a cell cannot be declared twice")
  void duplicateCell() {
    assertThatThrownBy(() -> partial().allow(Light.OFF, Press.SWITCH, Light.OFF))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Light transition table declares OFF × SWITCH twice");
    assertThatThrownBy(() -> partial().terminal(Light.ON))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ON × SWITCH twice");
  }

  @Test
  @DisplayName("next() returns the target of an allowed cell")
  void nextAllowed() {
    TransitionTable<Light, Press> t = table();
    assertThat(t.next("L-1", Light.OFF, Press.SWITCH)).isEqualTo(Light.ON);
    assertThat(t.next("L-1", Light.BROKEN, Press.REPAIR)).isEqualTo(Light.OFF);
    assertThat(t.target(Light.ON, Press.DIM)).contains(Light.ON);
    assertThat(t.target(Light.OFF, Press.DIM)).isEmpty();
    assertThat(t.isAllowed(Light.ON, Press.SWITCH)).isTrue();
    assertThat(t.isAllowed(Light.OFF, Press.REPAIR)).isFalse();
  }

  @Test
  @DisplayName("next() on a forbidden cell names entity, state, action, reason and allowed actions")
  void nextForbidden() {
    assertThatThrownBy(() -> table().next("L-1", Light.OFF, Press.DIM))
        .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
          assertThat(e).hasMessage("Light L-1 is OFF; DIM is not allowed (the light is off). Allowed actions: SWITCH");
          assertThat(e.subject()).isEqualTo("Light");
          assertThat(e.entityId()).isEqualTo("L-1");
          assertThat(e.state()).isEqualTo("OFF");
          assertThat(e.action()).isEqualTo("DIM");
          assertThat(e.allowedActions()).containsExactly("SWITCH");
        });
  }

  @Test
  @DisplayName("a terminal state allows nothing and says it is final")
  void terminal() {
    TransitionTable<Light, Press> t = TransitionTable.builder("Light", Light.class, Press.class)
        .allow(Light.OFF, Press.SWITCH, Light.ON).forbidOthers(Light.OFF, "off")
        .allow(Light.ON, Press.SWITCH, Light.OFF).allow(Light.ON, Press.DIM, Light.BROKEN).forbidOthers(Light.ON, "on")
        .terminal(Light.BROKEN).build();
    assertThat(t.isTerminal(Light.BROKEN)).isTrue();
    assertThat(t.isTerminal(Light.ON)).isFalse();
    assertThat(t.allowedActions(Light.BROKEN)).isEmpty();
    assertThat(t.forbiddenReason(Light.BROKEN, Press.REPAIR)).contains("BROKEN is final");
    assertThatThrownBy(() -> t.next("L-2", Light.BROKEN, Press.REPAIR))
        .hasMessage("Light L-2 is BROKEN; REPAIR is not allowed (BROKEN is final). Allowed actions: none");
  }

  @Test
  @DisplayName("allowedActions lists allowed cells in declaration order; forbiddenReason is empty for them")
  void allowedActions() {
    TransitionTable<Light, Press> t = table();
    assertThat(t.allowedActions(Light.ON)).containsExactly(Press.SWITCH, Press.DIM);
    assertThat(t.forbiddenReason(Light.ON, Press.SWITCH)).isEqualTo(Optional.empty());
    assertThat(t.forbiddenReason(Light.BROKEN, Press.DIM)).contains("it is broken");
    assertThat(t.states()).containsExactly(Light.OFF, Light.ON, Light.BROKEN);
    assertThat(t.actions()).containsExactly(Press.SWITCH, Press.DIM, Press.REPAIR);
    assertThat(t.subject()).isEqualTo("Light");
  }

  @Test
  @DisplayName("toMarkdown renders the whole matrix")
  void markdown() {
    assertThat(table().toMarkdown()).isEqualTo("| Light | SWITCH | DIM | REPAIR |\n"
        + "|---|---|---|---|\n"
        + "| OFF | ON | — | — |\n"
        + "| ON | OFF | ON | — |\n"
        + "| BROKEN | — | — | OFF |\n");
  }

  @Test
  @DisplayName("the shipped tables are complete and consistent with their terminal states")
  void shippedTables() {
    assertThat(Agreement.lifecycle().isTerminal(AgreementStatus.TERMINATED)).isTrue();
    assertThat(Agreement.lifecycle().isTerminal(AgreementStatus.CANCELLED)).isTrue();
    assertThat(Agreement.lifecycle().isTerminal(AgreementStatus.EXPIRED)).isTrue();
    assertThat(Agreement.lifecycle().allowedActions(AgreementStatus.DRAFT))
        .containsExactly(AgreementAction.EDIT, AgreementAction.SIGN, AgreementAction.CANCEL);
    assertThat(Asset.lifecycle().allowedActions(AssetStatus.RETURN_PENDING))
        .containsExactly(AssetAction.RETURN, AssetAction.REPORT_LOST);
    assertThat(Amendment.lifecycle().allowedActions(AmendmentStatus.ACCEPTED))
        .containsExactly(AmendmentAction.WITHDRAW, AmendmentAction.APPLY);
  }
}
