package io.cemkit.core;

import static io.cemkit.core.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * An agreement read from JSON or assembled by hand must agree with its own history: forged states
 * that would bypass consent or misstate assets are refused.
 */
class AgreementIntegrityTest {
  static final ObjectMapper MAPPER = Cemkit.objectMapper();
  static final AmendmentId AM1 = AmendmentId.of("AM-1");
  static final AssetId A1 = AssetId.of("A-1");

  /** Active, a card delivered, and a price rise proposed but not accepted. */
  static Agreement withPendingAmendment() {
    return active()
        .orderAsset(A1, CARD, ctx(2026, 1, 2))
        .deliverAsset(A1, ctx(2026, 1, 3))
        .proposeAmendment(AM1, termsBuilder().addCharges(monthlyFee("12.90")).build(), LocalDate.of(2026, 3, 1),
            Initiator.PROVIDER, ctx(2026, 2, 1));
  }

  private static String tampered(Agreement agreement, Consumer<ObjectNode> change) {
    ObjectNode root = MAPPER.valueToTree(agreement);
    change.accept(root);
    return root.toString();
  }

  @Test
  @DisplayName("the untampered agreement reads back")
  void untampered() throws Exception {
    Agreement a = withPendingAmendment();
    assertThat(MAPPER.readValue(tampered(a, root -> { }), Agreement.class)).isEqualTo(a);
  }

  @Test
  @DisplayName("a version 'applied' from an amendment the customer never accepted is refused")
  void versionFromUnacceptedAmendment() {
    Agreement a = withPendingAmendment();
    AgreementVersion forged = AgreementVersion.builder().number(2).effectiveFrom(LocalDate.of(2026, 3, 1))
        .terms(a.amendment(AM1).orElseThrow().proposedTerms()).origin(AgreementVersion.Origin.AMENDMENT)
        .amendment(AM1).createdAt(noon(2026, 3, 1)).build();
    String input = tampered(a, root -> {
      ((ArrayNode) root.get("versions")).add(MAPPER.<ObjectNode>valueToTree(forged));
      ((ObjectNode) root.get("events").get(root.get("events").size() - 1)).put("version", 2);
    });
    assertThatThrownBy(() -> MAPPER.readValue(input, Agreement.class))
        .isInstanceOf(ValueInstantiationException.class)
        .hasMessageContaining("Agreement AG-42 event 6 says version 2, but the history has made 1");
    assertThatThrownBy(() -> ImmutableAgreement.copyOf(a).withVersions(List.of(a.versions().get(0), forged)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("swapping a signed version's terms without an event is refused")
  void swappedTerms() {
    Agreement a = withPendingAmendment().acceptAmendment(AM1, evidence(noon(2026, 2, 2)), ctx(2026, 2, 2))
        .applyAmendment(AM1, ctx(2026, 3, 1));
    AgreementVersion v2 = a.versions().get(1);
    AgreementVersion swapped = ImmutableAgreementVersion.copyOf(v2)
        .withTerms(termsBuilder().addCharges(monthlyFee("99.90")).build());
    assertThatThrownBy(() -> ImmutableAgreement.copyOf(a).withVersions(List.of(a.versions().get(0), swapped)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Agreement AG-42 version 2 does not match an applied amendment AM-1 (its terms, effective date "
            + "and base must be the accepted ones)");
  }

  @Test
  @DisplayName("an ACTIVE status without the events that lead there is refused")
  void activeWithoutHistory() {
    Agreement a = active();
    String input = tampered(a, root -> {
      ArrayNode events = (ArrayNode) root.get("events");
      events.remove(2);
      events.remove(1);
    });
    assertThatThrownBy(() -> MAPPER.readValue(input, Agreement.class))
        .isInstanceOf(ValueInstantiationException.class)
        .hasMessageContaining("Agreement AG-42 is ACTIVE but its history says DRAFT");
  }

  @Test
  @DisplayName("an event the lifecycle does not allow is refused (resumed while active)")
  void impossibleTransition() {
    String input = tampered(active(), root -> {
      ObjectNode resumed = ((ObjectNode) root.get("events").get(2)).deepCopy();
      resumed.put("sequence", 4).put("type", "RESUMED");
      ((ArrayNode) root.get("events")).add(resumed);
    });
    assertThatThrownBy(() -> MAPPER.readValue(input, Agreement.class))
        .isInstanceOf(ValueInstantiationException.class)
        .hasMessageContaining("Agreement AG-42 event 4 (RESUMED) is not allowed while the agreement is ACTIVE");
  }

  @Test
  @DisplayName("an asset whose state differs from its history is refused")
  void assetStateDiffersFromHistory() {
    String input = tampered(withPendingAmendment(), root -> ((ObjectNode) root.get("assets").get(0))
        .put("status", "RETURNED"));
    assertThatThrownBy(() -> MAPPER.readValue(input, Agreement.class))
        .isInstanceOf(ValueInstantiationException.class)
        .hasMessageContaining("Agreement AG-42 assets [A-1 RETURNED] differ from their history [A-1 DELIVERED]");
  }

  @Test
  @DisplayName("an asset event that skips a lifecycle step is refused")
  void assetSkipsAStep() {
    String input = tampered(withPendingAmendment(), root -> {
      ((ObjectNode) root.get("events").get(4).get("asset")).put("status", "IN_SERVICE");
      ((ObjectNode) root.get("assets").get(0)).put("status", "IN_SERVICE");
    });
    assertThatThrownBy(() -> MAPPER.readValue(input, Agreement.class))
        .isInstanceOf(ValueInstantiationException.class)
        .hasMessageContaining("Agreement AG-42 event 5 (ASSET_DELIVERED) takes asset A-1 from ORDERED to IN_SERVICE");
  }

  @Test
  @DisplayName("an amendment whose status differs from its history is refused")
  void amendmentStatusForged() {
    String input = tampered(withPendingAmendment(), root -> {
      ObjectNode amendment = (ObjectNode) root.get("amendments").get(0);
      amendment.put("status", "ACCEPTED").put("decidedAt", "2026-02-02T10:00:00Z");
      amendment.set("acceptance", MAPPER.valueToTree(evidence(noon(2026, 2, 2))));
    });
    assertThatThrownBy(() -> MAPPER.readValue(input, Agreement.class))
        .isInstanceOf(ValueInstantiationException.class)
        .hasMessageContaining("Agreement AG-42 amendment AM-1 is ACCEPTED but its history says PROPOSED");
  }
}
