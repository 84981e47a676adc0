package io.cemkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class ContactPointTest {

  /** The documented channel → address-kind rule; BRANCH and ATM are absent (places, not contact points). */
  private static final Map<Channel, PersonalData.Kind> RULE = new EnumMap<>(Channel.class);

  static {
    RULE.put(Channel.EMAIL, PersonalData.Kind.EMAIL);
    RULE.put(Channel.PHONE, PersonalData.Kind.PHONE);
    RULE.put(Channel.SMS, PersonalData.Kind.PHONE);
    RULE.put(Channel.WHATSAPP, PersonalData.Kind.PHONE);
    RULE.put(Channel.FAX, PersonalData.Kind.PHONE);
    RULE.put(Channel.LETTER, PersonalData.Kind.ADDRESS);
    RULE.put(Channel.FIELD, PersonalData.Kind.ADDRESS);
    RULE.put(Channel.SOCIAL, PersonalData.Kind.OTHER);
    RULE.put(Channel.APP, PersonalData.Kind.OTHER);
    RULE.put(Channel.WEB, PersonalData.Kind.OTHER);
    RULE.put(Channel.CHATBOT, PersonalData.Kind.OTHER);
    RULE.put(Channel.VIDEO, PersonalData.Kind.OTHER);
  }

  private static PersonalData sample(PersonalData.Kind kind) {
    return PersonalData.of(kind, PersonalDataTest.sample(kind));
  }

  @ParameterizedTest
  @EnumSource(value = Channel.class, names = {"BRANCH", "ATM"}, mode = EnumSource.Mode.EXCLUDE)
  @DisplayName("addressKindFor follows the documented rule for every contact channel")
  void addressKindFor(Channel channel) {
    assertThat(ContactPoint.addressKindFor(channel)).isEqualTo(RULE.get(channel));
  }

  @ParameterizedTest
  @EnumSource(value = Channel.class, names = {"BRANCH", "ATM"}, mode = EnumSource.Mode.EXCLUDE)
  @DisplayName("a contact point with the right kind of address is accepted")
  void rightKindAccepted(Channel channel) {
    PersonalData address = sample(RULE.get(channel));

    ContactPoint point = ContactPoint.of(channel, address);

    assertSoftly(s -> {
      s.assertThat(point.channel()).isEqualTo(channel);
      s.assertThat(point.address()).isEqualTo(address);
    });
  }

  @ParameterizedTest
  @EnumSource(value = Channel.class, names = {"BRANCH", "ATM"})
  @DisplayName("branches and ATMs are places, not contact points")
  void placesRejected(Channel channel) {
    assertThatThrownBy(() -> ContactPoint.addressKindFor(channel))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Channel " + channel + " is a place the customer visits, not a contact point");
    for (PersonalData.Kind kind : PersonalData.Kind.values()) {
      assertThatThrownBy(() -> ContactPoint.of(channel, sample(kind)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("Channel " + channel + " is a place the customer visits, not a contact point");
    }
  }

  static Stream<Arguments> wrongKinds() {
    List<Arguments> cases = new ArrayList<>();
    RULE.forEach((channel, expected) -> {
      for (PersonalData.Kind kind : PersonalData.Kind.values()) {
        if (kind != expected) {
          cases.add(Arguments.of(channel, kind));
        }
      }
    });
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} with {1}")
  @MethodSource("wrongKinds")
  @DisplayName("a contact point with the wrong kind of address is rejected, naming the kinds but not the address")
  void wrongKindRejected(Channel channel, PersonalData.Kind kind) {
    PersonalData address = sample(kind);

    assertThatThrownBy(() -> ContactPoint.of(channel, address))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ContactPoint on " + channel + " needs a " + RULE.get(channel) + " address, was " + kind)
        .hasMessageNotContaining(address.reveal());
  }

  @Test
  @DisplayName("e-mail needs an e-mail address, WhatsApp a phone, a letter a postal address")
  void examplesFromTheJavadoc() {
    assertThatThrownBy(() -> ContactPoint.of(Channel.EMAIL, PersonalData.phone("+972-54-1234567")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ContactPoint on EMAIL needs a EMAIL address, was PHONE");
    assertThatThrownBy(() -> ContactPoint.of(Channel.WHATSAPP, PersonalData.email("dana@example.com")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ContactPoint on WHATSAPP needs a PHONE address, was EMAIL");
    assertThatThrownBy(() -> ContactPoint.of(Channel.LETTER, PersonalData.email("dana@example.com")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ContactPoint on LETTER needs a ADDRESS address, was EMAIL");
  }

  @Test
  @DisplayName("a contact point is neither preferred nor verified by default")
  void defaults() {
    ContactPoint viaOf = ContactPoint.of(Channel.SMS, PersonalData.phone("+972-54-1234567"));
    ContactPoint viaBuilder = ContactPoint.builder().channel(Channel.SMS)
        .address(PersonalData.phone("+972-54-1234567")).build();

    assertSoftly(s -> {
      s.assertThat(viaOf.preferred()).isFalse();
      s.assertThat(viaOf.verified()).isFalse();
      s.assertThat(viaBuilder.preferred()).isFalse();
      s.assertThat(viaBuilder.verified()).isFalse();
      s.assertThat(viaBuilder).isEqualTo(viaOf);
    });
  }

  @Test
  @DisplayName("preferred and verified can be set")
  void preferredAndVerified() {
    ContactPoint point = ContactPoint.builder().channel(Channel.EMAIL).address(PersonalData.email("dana@example.com"))
        .preferred(true).verified(true).build();

    assertSoftly(s -> {
      s.assertThat(point.preferred()).isTrue();
      s.assertThat(point.verified()).isTrue();
      s.assertThat(point).isNotEqualTo(ContactPoint.of(Channel.EMAIL, PersonalData.email("dana@example.com")));
    });
  }

  @Test
  @DisplayName("toString shows the channel but masks the address")
  void toStringMasksAddress() {
    ContactPoint point = ContactPoint.of(Channel.EMAIL, PersonalData.email("dana.levi@example.com"));

    assertThat(point.toString())
        .contains("EMAIL")
        .contains("address=***")
        .doesNotContain("dana")
        .doesNotContain("example.com");
  }

  @Test
  @DisplayName("channel and address are required")
  void requiredAttributes() {
    assertThatThrownBy(() -> ContactPoint.builder().address(PersonalData.email("dana@example.com")).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Cannot build ContactPoint")
        .hasMessageContaining("[channel]");
    assertThatThrownBy(() -> ContactPoint.builder().channel(Channel.EMAIL).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("[address]");
  }
}
