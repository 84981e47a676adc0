package io.cemkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ActorTest {

  @Test
  @DisplayName("each factory sets its kind and keeps the id")
  void factories() {
    assertThat(Actor.agent("a-17")).isEqualTo(Actor.of(ActorKind.AGENT, "a-17"));
    assertThat(Actor.system("billing-run")).isEqualTo(Actor.of(ActorKind.SYSTEM, "billing-run"));
    assertThat(Actor.bot("helpbot")).isEqualTo(Actor.of(ActorKind.BOT, "helpbot"));
    assertThat(Actor.partner("installer.co")).isEqualTo(Actor.of(ActorKind.PARTNER, "installer.co"));
    Actor customer = Actor.customer(CustomerId.of("C-1001"));
    assertThat(customer.kind()).isEqualTo(ActorKind.CUSTOMER);
    assertThat(customer.id()).isEqualTo("C-1001");
  }

  @ParameterizedTest
  @EnumSource(ActorKind.class)
  @DisplayName("toString is KIND:id")
  void toStringFormat(ActorKind kind) {
    assertThat(Actor.of(kind, "x-1")).hasToString(kind + ":x-1");
  }

  @Test
  @DisplayName("actors are equal by kind and id")
  void equality() {
    assertThat(Actor.agent("a-17")).isEqualTo(Actor.agent("a-17")).hasSameHashCodeAs(Actor.agent("a-17"));
    assertThat(Actor.agent("a-17")).isNotEqualTo(Actor.bot("a-17"));
    assertThat(Actor.agent("a-17")).isNotEqualTo(Actor.agent("a-18"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"a", "A-17", "emp_0042", "ns:bot/v2.1", "9"})
  @DisplayName("ids are codes of letters, digits and - _ . : /")
  void validIds(String id) {
    assertThat(Actor.agent(id).id()).isEqualTo(id);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "a 17|1",
      "-a17|0",
      "_a|0",
      "a17!|3",
      "agent#1|5",
      "dana@example.com|4"})
  @DisplayName("ids with other characters are rejected naming the index")
  void invalidCharacters(String id, int index) {
    assertThatThrownBy(() -> Actor.agent(id))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Actor.id has an invalid character ")
        .hasMessageContaining(" at index " + index + " of " + id.length()
            + "; allowed are letters, digits and - _ . : / (not first)")
        .as("the rejected value is not quoted: a mistyped id may be personal data")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(id));
  }

  @Test
  @DisplayName("an empty id is rejected")
  void emptyId() {
    assertThatThrownBy(() -> Actor.agent(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Actor.id must be 1 to 128 characters, was 0");
  }

  @Test
  @DisplayName("ids up to 128 characters are accepted; a longer one is rejected without quoting it")
  void lengthLimit() {
    String max = "a".repeat(128);
    assertThat(Actor.system(max).id()).isEqualTo(max);
    assertThatThrownBy(() -> Actor.system("b".repeat(129)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Actor.id must be 1 to 128 characters, was 129");
  }

  @Test
  @DisplayName("kind and id are required")
  void nulls() {
    assertThatNullPointerException().isThrownBy(() -> Actor.of(null, "a-17")).withMessage("kind");
    assertThatNullPointerException().isThrownBy(() -> Actor.agent(null)).withMessage("id");
  }
}
