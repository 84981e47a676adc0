package io.cemkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EvidenceTest {
  private static final Instant AT = Instant.parse("2026-01-15T09:30:00Z");

  @Test
  @DisplayName("of() builds evidence without a capturing actor")
  void of() {
    Evidence evidence = Evidence.of(AT, Channel.SMS, EvidenceMethod.OTP, "OTP-88412");

    assertSoftly(s -> {
      s.assertThat(evidence.at()).isEqualTo(AT);
      s.assertThat(evidence.channel()).isEqualTo(Channel.SMS);
      s.assertThat(evidence.method()).isEqualTo(EvidenceMethod.OTP);
      s.assertThat(evidence.reference()).isEqualTo("OTP-88412");
      s.assertThat(evidence.capturedBy()).isEmpty();
    });
  }

  @Test
  @DisplayName("the builder can record who captured it")
  void capturedBy() {
    Evidence evidence = Evidence.builder().at(AT).channel(Channel.BRANCH).method(EvidenceMethod.IN_PERSON)
        .reference("DOC-2026-0042").capturedBy(Actor.agent("a-17")).build();

    assertThat(evidence.capturedBy()).contains(Actor.agent("a-17"));
    assertThat(evidence).isNotEqualTo(Evidence.of(AT, Channel.BRANCH, EvidenceMethod.IN_PERSON, "DOC-2026-0042"));
    assertThat(ImmutableEvidence.copyOf(evidence).withCapturedBy(Optional.empty()))
        .isEqualTo(Evidence.of(AT, Channel.BRANCH, EvidenceMethod.IN_PERSON, "DOC-2026-0042"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "   \t "})
  @DisplayName("a blank reference is rejected")
  void blankReference(String reference) {
    assertThatThrownBy(() -> Evidence.of(AT, Channel.SMS, EvidenceMethod.OTP, reference))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Evidence.reference ");
  }

  @Test
  @DisplayName("references up to 128 characters are accepted, longer ones rejected")
  void referenceLength() {
    String max = "R".repeat(128);
    assertThat(Evidence.of(AT, Channel.SMS, EvidenceMethod.OTP, max).reference()).isEqualTo(max);
    assertThatThrownBy(() -> Evidence.of(AT, Channel.SMS, EvidenceMethod.OTP, max + "R"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Evidence.reference must be 1 to 128 characters, was 129");
  }

  @Test
  @DisplayName("a reference with a control character is rejected naming the character and its index")
  void controlCharacter() {
    assertThatThrownBy(() -> Evidence.of(AT, Channel.SMS, EvidenceMethod.OTP, "OTP\u0007123"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Evidence.reference has an invalid character U+0007 at index 3 of 7; allowed are letters, digits "
            + "and - _ . : / (not first)");
  }

  @Test
  @DisplayName("a reference is an id, not text: free text, which could carry personal data, is rejected unquoted")
  void textReferenceRejected() {
    assertThat(Evidence.of(AT, Channel.LETTER, EvidenceMethod.WRITTEN_FORM, "FORM-12/B:page-2").reference())
        .isEqualTo("FORM-12/B:page-2");
    assertThatThrownBy(() -> Evidence.of(AT, Channel.EMAIL, EvidenceMethod.CLICKWRAP, "mail from dana@example.com"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Evidence.reference has an invalid character U+0020 at index 4 of 26; allowed are letters, "
            + "digits and - _ . : / (not first)");
  }

  @Test
  @DisplayName("at, channel, method and reference are required")
  void requiredAttributes() {
    assertThatThrownBy(() -> Evidence.builder().channel(Channel.SMS).method(EvidenceMethod.OTP).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Cannot build Evidence")
        .hasMessageContaining("at")
        .hasMessageContaining("reference");
    assertThatThrownBy(() -> Evidence.of(null, Channel.SMS, EvidenceMethod.OTP, "OTP-1"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("at");
  }
}
