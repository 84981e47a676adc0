package io.cemkit.core;

import static io.cemkit.core.Fixtures.active;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CemkitObjectMapperTest {
  private static final ObjectMapper MAPPER = Cemkit.objectMapper();
  private static final String MONEY = "{\"amount\":9.90,\"currency\":\"EUR\"}";
  private static final String EVIDENCE =
      "{\"at\":\"2026-01-15T09:30:00Z\",\"channel\":\"SMS\",\"method\":\"OTP\",\"reference\":\"OTP-88412\"}";

  private static String json(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }

  // ------------------------------------------------------------------ unknown properties

  @Test
  @DisplayName("an unknown property fails with UnrecognizedPropertyException naming it")
  void unknownProperty() {
    assertThatExceptionOfType(UnrecognizedPropertyException.class)
        .isThrownBy(() -> MAPPER.readValue(json("{'amount':9.90,'currency':'EUR','discount':1}"), Money.class))
        .satisfies(e -> assertThat(e.getPropertyName()).isEqualTo("discount"))
        .withMessageContaining("Unrecognized field \"discount\"");
  }

  @Test
  @DisplayName("an unknown property deep inside an agreement fails, naming it and its path")
  void unknownNestedProperty() throws Exception {
    ObjectNode root = (ObjectNode) MAPPER.valueToTree(active());
    ((ObjectNode) root.get("events").get(1)).put("approvedBy", "boss");

    assertThatExceptionOfType(UnrecognizedPropertyException.class)
        .isThrownBy(() -> MAPPER.treeToValue(root, Agreement.class))
        .satisfies(e -> assertThat(e.getPropertyName()).isEqualTo("approvedBy"))
        .withMessageContaining("\"approvedBy\"")
        .withMessageContaining("[\"events\"]");
  }

  @Test
  @DisplayName("unknown properties fail on types read through a sealed interface and on PersonalData")
  void unknownPropertyOnPolymorphicAndCustomTypes() {
    assertThatExceptionOfType(UnrecognizedPropertyException.class)
        .isThrownBy(() -> MAPPER.readValue(json("{'type':'one-time','count':2}"), Periodicity.class))
        .satisfies(e -> assertThat(e.getPropertyName()).isEqualTo("count"));
    assertThatExceptionOfType(UnrecognizedPropertyException.class)
        .isThrownBy(() -> MAPPER.readValue(json("{'type':'individual','id':'C-1','name':{'kind':'NAME','value':'X Y'},"
            + "'nickname':'Z'}"), Customer.class))
        .satisfies(e -> assertThat(e.getPropertyName()).isEqualTo("nickname"));
    assertThatExceptionOfType(UnrecognizedPropertyException.class)
        .isThrownBy(() -> MAPPER.readValue(json("{'kind':'NAME','value':'X Y','verified':true}"), PersonalData.class))
        .satisfies(e -> assertThat(e.getPropertyName()).isEqualTo("verified"));
  }

  // ------------------------------------------------------------------ wrong JSON types

  static Stream<Arguments> numbersWhereTextIsExpected() {
    return Stream.of(
        Arguments.of("Actor.id", json("{'kind':'AGENT','id':17}"), Actor.class, "[\"id\"]"),
        Arguments.of("Evidence.reference", json("{'at':'2026-01-15T09:30:00Z','channel':'SMS','method':'OTP',"
            + "'reference':88412}"), Evidence.class, "[\"reference\"]"),
        Arguments.of("Product.name", json("{'code':'X','name':3.5,'kind':'SERVICE'}"), Product.class, "[\"name\"]"),
        Arguments.of("Business.legalName", json("{'type':'business','id':'C-2','legalName':42}"), Customer.class,
            "[\"legalName\"]"),
        Arguments.of("CustomerId", "1001", CustomerId.class, "CustomerId"),
        Arguments.of("Segment", json("{'type':'business','id':'C-2','legalName':'Acme','segments':[7]}"),
            Customer.class, "Segment"),
        Arguments.of("Actor.id as boolean", json("{'kind':'AGENT','id':true}"), Actor.class, "[\"id\"]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("numbersWhereTextIsExpected")
  @DisplayName("a number (or boolean) where text is expected fails")
  void numberWhereTextExpected(String name, String input, Class<?> type, String mentions) {
    assertThatThrownBy(() -> MAPPER.readValue(input, type))
        .isInstanceOf(MismatchedInputException.class)
        .hasMessageContaining(mentions);
  }

  static Stream<Arguments> numbersWhereTimeTextIsExpected() {
    return Stream.of(
        Arguments.of("Instant Evidence.at", json("{'at':1768469400,'channel':'SMS','method':'OTP',"
            + "'reference':'OTP-88412'}"), Evidence.class, "[\"at\"]"),
        Arguments.of("LocalDate DateRange.start", json("{'start':20454}"), DateRange.class, "[\"start\"]"),
        Arguments.of("Duration SlaTarget.firstResponse", json("{'firstResponse':14400,'resolution':'PT48H'}"),
            SlaTarget.class, "[\"firstResponse\"]"));
  }

  /**
   * Cemkit's Javadoc promises that "a number where text is expected" fails. Dates, instants and
   * durations are written as ISO-8601 text, so a number there is the wrong JSON type too.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("numbersWhereTimeTextIsExpected")
  @DisplayName("a number where an ISO-8601 date, instant or duration text is expected fails")
  void numberWhereTimeTextExpected(String name, String input, Class<?> type, String mentions) {
    assertThatThrownBy(() -> MAPPER.readValue(input, type))
        .isInstanceOf(JsonMappingException.class)
        .hasMessageContaining(mentions);
  }

  static Stream<Arguments> textWhereNumberIsExpected() {
    return Stream.of(
        Arguments.of("BigDecimal Money.amount", json("{'amount':'9.90','currency':'EUR'}"), Money.class,
            "[\"amount\"]"),
        Arguments.of("int Installments.count", json("{'type':'installments','count':'3','frequency':'MONTHLY'}"),
            Periodicity.class, "[\"count\"]"),
        Arguments.of("int AgreementItem.quantity", json("{'id':'card','product':{'code':'X','name':'n',"
            + "'kind':'SERVICE'},'quantity':'2'}"), AgreementItem.class, "[\"quantity\"]"),
        Arguments.of("empty text for int", json("{'type':'day-of-month','day':''}"), DueRule.class, "[\"day\"]"),
        Arguments.of("boolean ContactPoint.preferred", json("{'channel':'SMS','address':{'kind':'PHONE',"
            + "'value':'054-1234567'},'preferred':'true'}"), ContactPoint.class, "[\"preferred\"]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("textWhereNumberIsExpected")
  @DisplayName("text where a number or boolean is expected fails")
  void textWhereNumberExpected(String name, String input, Class<?> type, String mentions) {
    assertThatThrownBy(() -> MAPPER.readValue(input, type))
        .isInstanceOf(MismatchedInputException.class)
        .hasMessageContaining(mentions);
  }

  /** A number is the wrong JSON type for a boolean, as text is; Cemkit promises wrong JSON types fail. */
  @Test
  @DisplayName("a number where a boolean is expected fails")
  void numberForBoolean() {
    assertThatThrownBy(() -> MAPPER.readValue(json("{'channel':'SMS','address':{'kind':'PHONE',"
        + "'value':'054-1234567'},'verified':1}"), ContactPoint.class))
        .isInstanceOf(MismatchedInputException.class)
        .hasMessageContaining("[\"verified\"]");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.5", "2.0", "1e0", "3.0000"})
  @DisplayName("a floating-point number for an int fails, even when it is whole")
  void floatForInt(String quantity) {
    String input = json("{'id':'card','product':{'code':'X','name':'n','kind':'SERVICE'},'quantity':" + quantity + "}");

    assertThatThrownBy(() -> MAPPER.readValue(input, AgreementItem.class))
        .isInstanceOf(InvalidFormatException.class)
        .hasMessageContaining("[\"quantity\"]");
  }

  @Test
  @DisplayName("null for a primitive fails")
  void nullForPrimitive() {
    assertThatThrownBy(() -> MAPPER.readValue(json("{'id':'card','product':{'code':'X','name':'n','kind':'SERVICE'},"
        + "'quantity':null}"), AgreementItem.class))
        .isInstanceOf(MismatchedInputException.class)
        .hasMessageContaining("[\"quantity\"]");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "1", "4"})
  @DisplayName("a number for an enum fails")
  void numberForEnum(String number) {
    assertThatThrownBy(() -> MAPPER.readValue(json("{'kind':" + number + ",'id':'a-17'}"), Actor.class))
        .isInstanceOf(InvalidFormatException.class)
        .hasMessageContaining("ActorKind")
        .hasMessageContaining("[\"kind\"]");
  }

  @Test
  @DisplayName("a numeric string for an enum fails too")
  void numericStringForEnum() {
    assertThatThrownBy(() -> MAPPER.readValue(json("{'kind':'1','id':'a-17'}"), Actor.class))
        .isInstanceOf(InvalidFormatException.class)
        .hasMessageContaining("\"1\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ROBOT", "agent", "Agent", "AGENTS", ""})
  @DisplayName("an unknown enum name fails, naming it")
  void unknownEnumName(String name) {
    assertThatThrownBy(() -> MAPPER.readValue(json("{'kind':'" + name + "','id':'a-17'}"), Actor.class))
        .isInstanceOf(MismatchedInputException.class)
        .hasMessageContaining("ActorKind");
  }

  @Test
  @DisplayName("an unknown enum name fails, quoting the name")
  void unknownEnumNameQuoted() {
    assertThatThrownBy(() -> MAPPER.readValue(json("{'kind':'ROBOT','id':'a-17'}"), Actor.class))
        .isInstanceOf(InvalidFormatException.class)
        .hasMessageContaining("\"ROBOT\"");
    assertThatThrownBy(() -> MAPPER.readValue(json("{'type':'recurring','frequency':'FORTNIGHTLY'}"),
        Periodicity.class))
        .isInstanceOf(InvalidFormatException.class)
        .hasMessageContaining("\"FORTNIGHTLY\"");
  }

  // ------------------------------------------------------------------ trailing tokens

  @Test
  @DisplayName("trailing tokens after the value fail")
  void trailingTokens() {
    assertThatThrownBy(() -> MAPPER.readValue(MONEY + " {}", Money.class))
        .isInstanceOf(MismatchedInputException.class)
        .hasMessageContaining("Trailing token");
    assertThatThrownBy(() -> MAPPER.readValue(MONEY + " 1", Money.class))
        .isInstanceOf(MismatchedInputException.class)
        .hasMessageContaining("Trailing token");
    assertThatThrownBy(() -> MAPPER.readValue("\"C-1\" \"C-2\"", CustomerId.class))
        .isInstanceOf(MismatchedInputException.class)
        .hasMessageContaining("Trailing token");
    assertThatThrownBy(() -> MAPPER.readValue("[] []", ConsentLedger.class))
        .isInstanceOf(MismatchedInputException.class)
        .hasMessageContaining("Trailing token");
    assertThatThrownBy(() -> MAPPER.readValue(MONEY + " garbage", Money.class))
        .isInstanceOf(JsonProcessingException.class);
  }

  @Test
  @DisplayName("trailing whitespace is fine")
  void trailingWhitespace() throws Exception {
    assertThat(MAPPER.readValue(MONEY + " \n\t ", Money.class)).isEqualTo(Money.of("9.90", "EUR"));
  }

  // ------------------------------------------------------------------ type ids

  static Stream<Arguments> badTypeIds() {
    return Stream.of(
        Arguments.of(json("{'type':'java.lang.Runtime'}"), Periodicity.class),
        Arguments.of(json("{'type':'io.cemkit.core.ImmutableInstallments','count':3,'frequency':'MONTHLY'}"),
            Periodicity.class),
        Arguments.of(json("{'type':'io.cemkit.core.Periodicity$Installments','count':3,'frequency':'MONTHLY'}"),
            Periodicity.class),
        Arguments.of(json("{'type':'Installments','count':3,'frequency':'MONTHLY'}"), Periodicity.class),
        Arguments.of(json("{'type':'monthly'}"), Periodicity.class),
        Arguments.of(json("{'type':'java.util.HashMap'}"), DueRule.class),
        Arguments.of(json("{'type':'InAdvance'}"), DueRule.class),
        Arguments.of(json("{'type':'in-advance '}"), DueRule.class),
        Arguments.of(json("{'type':'java.lang.ProcessBuilder','id':'C-1'}"), Customer.class),
        Arguments.of(json("{'type':'io.cemkit.core.ImmutableIndividual','id':'C-1',"
            + "'name':{'kind':'NAME','value':'X Y'}}"), Customer.class),
        Arguments.of(json("{'type':'person','id':'C-1','name':{'kind':'NAME','value':'X Y'}}"), Customer.class),
        Arguments.of(json("{'type':'business','id':'C-2','legalName':'Acme'}"), Individual.class));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badTypeIds")
  @DisplayName("an unknown or class-name type id fails with InvalidTypeIdException")
  void badTypeId(String input, Class<?> type) {
    assertThatThrownBy(() -> MAPPER.readValue(input, type))
        .isInstanceOf(InvalidTypeIdException.class)
        .hasMessageContaining("Could not resolve type id");
  }

  @Test
  @DisplayName("a missing type id fails with InvalidTypeIdException")
  void missingTypeId() {
    assertThatThrownBy(() -> MAPPER.readValue(json("{'count':3,'frequency':'MONTHLY'}"), Periodicity.class))
        .isInstanceOf(InvalidTypeIdException.class)
        .hasMessageContaining("missing type id property 'type'");
    assertThatThrownBy(() -> MAPPER.readValue(json("{'id':'C-1','name':{'kind':'NAME','value':'X Y'}}"),
        Customer.class))
        .isInstanceOf(InvalidTypeIdException.class)
        .hasMessageContaining("missing type id property 'type'");
  }

  @Test
  @DisplayName("an @class property is just an unknown property")
  void classPropertyIgnoredAsUnknown() {
    assertThatExceptionOfType(UnrecognizedPropertyException.class)
        .isThrownBy(() -> MAPPER.readValue(json("{'type':'one-time','@class':'java.lang.Runtime'}"), Periodicity.class))
        .satisfies(e -> assertThat(e.getPropertyName()).isEqualTo("@class"));
  }

  @Test
  @DisplayName("no default typing: a class name in untyped input stays data")
  void noDefaultTyping() throws Exception {
    Object read = MAPPER.readValue(json("['java.lang.Runtime',{}]"), Object.class);

    assertThat(read).isEqualTo(List.of("java.lang.Runtime", Map.of()));
  }

  // ------------------------------------------------------------------ missing required fields

  static Stream<Arguments> missingRequiredFields() {
    return Stream.of(
        Arguments.of("Money.currency", json("{'amount':9.90}"), Money.class, "[currency]"),
        Arguments.of("Money.amount", json("{'currency':'EUR'}"), Money.class, "[amount]"),
        Arguments.of("Money.amount null", json("{'amount':null,'currency':'EUR'}"), Money.class, "[amount]"),
        Arguments.of("Evidence.reference", json("{'at':'2026-01-15T09:30:00Z','channel':'SMS','method':'OTP'}"),
            Evidence.class, "[reference]"),
        Arguments.of("Individual.name", json("{'type':'individual','id':'C-1'}"), Customer.class, "[name]"),
        Arguments.of("Business.legalName", json("{'type':'business','id':'C-2'}"), Customer.class, "[legalName]"),
        Arguments.of("EntitlementCheck.allowed", json("{'agreement':'AG-1','serviceType':'x',"
            + "'at':'2026-01-01T10:00:00Z','denial':'NOT_COVERED','message':'m'}"), EntitlementCheck.class,
            "[allowed]"),
        Arguments.of("AgreementEvent.sequence", json("{'type':'CREATED','at':'2026-01-01T10:00:00Z',"
            + "'actor':{'kind':'AGENT','id':'a-17'},'channel':'BRANCH','reason':'r','status':'DRAFT','version':1}"),
            AgreementEvent.class, "[sequence]"),
        Arguments.of("ConsentRecord.evidence", json("{'purpose':'MARKETING','decision':'GRANTED',"
            + "'validFrom':'2026-01-01T10:00:00Z','recordedAt':'2026-01-01T10:00:00Z'}"), ConsentRecord.class,
            "[evidence]"),
        Arguments.of("Installments.count", json("{'type':'installments','frequency':'MONTHLY'}"), Periodicity.class,
            "count"),
        Arguments.of("Installments.frequency", json("{'type':'installments','count':3}"), Periodicity.class,
            "frequency"),
        Arguments.of("DayOfMonth.day", json("{'type':'day-of-month'}"), DueRule.class, "day"),
        Arguments.of("DaysAfterIssue.days", json("{'type':'days-after-issue'}"), DueRule.class, "days"),
        Arguments.of("PersonalData.value", json("{'kind':'EMAIL'}"), PersonalData.class, "value"),
        Arguments.of("Actor.kind", json("{'id':'a-17'}"), Actor.class, "kind"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("missingRequiredFields")
  @DisplayName("a missing required field fails with a JsonMappingException naming it")
  void missingRequiredField(String name, String input, Class<?> type, String mentions) {
    assertThatThrownBy(() -> MAPPER.readValue(input, type))
        .isInstanceOf(JsonMappingException.class)
        .hasMessageContaining(mentions);
  }

  // ------------------------------------------------------------------ invariants re-checked on read

  @ParameterizedTest
  @ValueSource(ints = {-1, 0, 1})
  @DisplayName("Installments.count below 2 fails with the invariant's message")
  void installmentsCountTooLow(int count) {
    assertThatThrownBy(() -> MAPPER.readValue(json("{'type':'installments','count':" + count
        + ",'frequency':'MONTHLY'}"), Periodicity.class))
        .isInstanceOf(ValueInstantiationException.class)
        .hasCauseInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Installments.count must be at least 2, was " + count
            + " (use one-time for a single payment)");
  }

  static Stream<Arguments> invariantViolations() {
    return Stream.of(
        Arguments.of(json("{'type':'installments','count':1201,'frequency':'MONTHLY'}"), Periodicity.class,
            "Installments.count must be at most 1200, was 1201"),
        Arguments.of(json("{'type':'recurring','frequency':'MONTHLY','occurrences':0}"), Periodicity.class,
            "Recurring.occurrences must be at least 1, was 0"),
        Arguments.of(json("{'type':'days-after-issue','days':367}"), DueRule.class,
            "DueRule days-after-issue must be 0 to 366, was 367"),
        Arguments.of(json("{'type':'day-of-month','day':32}"), DueRule.class,
            "DueRule day-of-month must be 1 to 31, was 32"),
        Arguments.of(json("{'amount':9.999,'currency':'EUR'}"), Money.class,
            "Money amount 9.999 has more decimal places than EUR allows (2)"),
        Arguments.of(json("{'start':'2026-02-01','end':'2026-01-31'}"), DateRange.class,
            "DateRange end 2026-01-31 is before its start 2026-02-01"),
        Arguments.of(json("{'firstResponse':'PT4H','resolution':'PT1H'}"), SlaTarget.class,
            "SlaTarget.resolution (PT1H) must not be shorter than firstResponse (PT4H)"),
        Arguments.of(json("{'mode':'NONE','renewalTerm':'P1Y'}"), RenewalPolicy.class,
            "RenewalPolicy with mode NONE must not have a renewalTerm (was P1Y)"),
        Arguments.of(json("{'code':'X','name':'n','kind':'SERVICE','requiresInstallation':true}"), Product.class,
            "Product X is SERVICE; only PHYSICAL products can require installation"),
        Arguments.of(json("{'kind':'AGENT','id':'a 17'}"), Actor.class,
            "Actor.id has an invalid character U+0020 at index 1 of 4"),
        Arguments.of("\"C 1\"", CustomerId.class, "CustomerId has an invalid character U+0020 at index 1 of 3"),
        Arguments.of(json("{'channel':'EMAIL','address':{'kind':'PHONE','value':'054-1234567'}}"), ContactPoint.class,
            "ContactPoint on EMAIL needs a EMAIL address, was PHONE"),
        Arguments.of(json("{'channel':'BRANCH','address':{'kind':'ADDRESS','value':'Main St 1'}}"),
            ContactPoint.class, "Channel BRANCH is a place the customer visits, not a contact point"),
        Arguments.of(json("{'type':'individual','id':'C-1','name':{'kind':'EMAIL','value':'x@y.z'}}"), Customer.class,
            "Individual.name must be a NAME, was EMAIL"),
        Arguments.of(json("{'type':'business','id':'C-2','legalName':'Acme','contacts':["
            + "{'name':{'kind':'NAME','value':'A B'},'role':'billing','primary':true},"
            + "{'name':{'kind':'NAME','value':'C D'},'role':'owner','primary':true}]}"), Customer.class,
            "Business C-2 has more than one primary contact"),
        Arguments.of(json("{'purpose':'MARKETING','decision':'GRANTED','validFrom':'2026-01-01T10:00:00Z',"
            + "'recordedAt':'2026-01-03T10:00:00Z','evidence':{'at':'2026-01-02T10:00:00Z','channel':'WEB',"
            + "'method':'CLICKWRAP','reference':'CLICK-1'}}"), ConsentRecord.class,
            "ConsentRecord grant cannot take effect (validFrom 2026-01-01T10:00:00Z) before it was given "
                + "(evidence.at 2026-01-02T10:00:00Z)"),
        Arguments.of(json("[{'purpose':'MARKETING','decision':'GRANTED','validFrom':'2026-01-05T10:00:00Z',"
            + "'recordedAt':'2026-01-05T10:00:00Z','evidence':{'at':'2026-01-05T10:00:00Z','channel':'WEB',"
            + "'method':'CLICKWRAP','reference':'CLICK-1'}},"
            + "{'purpose':'MARKETING','decision':'WITHDRAWN','validFrom':'2026-01-04T10:00:00Z',"
            + "'recordedAt':'2026-01-04T10:00:00Z','evidence':{'at':'2026-01-04T10:00:00Z','channel':'WEB',"
            + "'method':'CLICKWRAP','reference':'CLICK-2'}}]"), ConsentLedger.class,
            "ConsentLedger is append-only: a record recorded at 2026-01-04T10:00:00Z cannot follow one recorded at "
                + "2026-01-05T10:00:00Z"));
  }

  @ParameterizedTest(name = "{2}")
  @MethodSource("invariantViolations")
  @DisplayName("a value that breaks an invariant fails with the invariant's message")
  void invariantViolation(String input, Class<?> type, String message) {
    assertThatThrownBy(() -> MAPPER.readValue(input, type))
        .isInstanceOf(JsonMappingException.class)
        .hasMessageContaining(message);
  }

  private static String tampered(Consumer<ObjectNode> change) {
    ObjectNode root = (ObjectNode) MAPPER.valueToTree(active());
    change.accept(root);
    return root.toString();
  }

  private static ObjectNode event(ObjectNode agreement, int index) {
    return (ObjectNode) agreement.get("events").get(index);
  }

  @Test
  @DisplayName("the untampered agreement JSON reads back, so each tampering below is what breaks it")
  void untamperedAgreementReads() throws Exception {
    assertThat(MAPPER.readValue(tampered(root -> { }), Agreement.class)).isEqualTo(active());
  }

  @Test
  @DisplayName("an agreement whose last event's status differs from its status fails")
  void lastEventStatusDiffers() {
    String input = tampered(root -> event(root, 2).put("status", "SUSPENDED"));

    assertThatThrownBy(() -> MAPPER.readValue(input, Agreement.class))
        .isInstanceOf(ValueInstantiationException.class)
        .hasMessageContaining("Agreement AG-42 event 3 (ACTIVATED) leads from PENDING_ACTIVATION to ACTIVE, not "
            + "SUSPENDED");
  }

  @Test
  @DisplayName("an agreement whose status differs from its last event's fails")
  void statusDiffersFromLastEvent() {
    String input = tampered(root -> root.put("status", "TERMINATED"));

    assertThatThrownBy(() -> MAPPER.readValue(input, Agreement.class))
        .isInstanceOf(ValueInstantiationException.class)
        .hasMessageContaining("Agreement AG-42 is TERMINATED but its history says ACTIVE");
  }

  @Test
  @DisplayName("a tampered event sequence fails")
  void tamperedSequence() {
    String input = tampered(root -> event(root, 1).put("sequence", 5));

    assertThatThrownBy(() -> MAPPER.readValue(input, Agreement.class))
        .isInstanceOf(ValueInstantiationException.class)
        .hasMessageContaining("Agreement AG-42 event at position 2 has sequence 5");
  }

  @Test
  @DisplayName("a removed event fails")
  void removedEvent() {
    String input = tampered(root -> ((ArrayNode) root.get("events")).remove(1));

    assertThatThrownBy(() -> MAPPER.readValue(input, Agreement.class))
        .isInstanceOf(ValueInstantiationException.class)
        .hasMessageContaining("Agreement AG-42 event at position 2 has sequence 3");
  }

  @Test
  @DisplayName("events out of time order fail")
  void eventsOutOfTimeOrder() {
    String input = tampered(root -> event(root, 2).put("at", "2025-01-01T00:00:00Z"));

    assertThatThrownBy(() -> MAPPER.readValue(input, Agreement.class))
        .isInstanceOf(ValueInstantiationException.class)
        .hasMessageContaining("Agreement AG-42 event 3 (2025-01-01T00:00:00Z) is earlier than event 2");
  }

  @Test
  @DisplayName("an active agreement without a signature fails")
  void missingSignature() {
    String input = tampered(root -> root.remove("signature"));

    assertThatThrownBy(() -> MAPPER.readValue(input, Agreement.class))
        .isInstanceOf(ValueInstantiationException.class)
        .hasMessageContaining("Agreement AG-42 has no signature but its history has a SIGNED event");
  }

  @Test
  @DisplayName("a history that does not start with CREATED fails")
  void historyNotStartingWithCreated() {
    String input = tampered(root -> event(root, 0).put("type", "EDITED"));

    assertThatThrownBy(() -> MAPPER.readValue(input, Agreement.class))
        .isInstanceOf(ValueInstantiationException.class)
        .hasMessageContaining("Agreement AG-42 history must start with CREATED (DRAFT, version 1), not EDITED");
  }

  @Test
  @DisplayName("an invalid personal value in JSON fails without the value in the message")
  void invalidPersonalDataNotQuoted() {
    String input = json("{'type':'individual','id':'C-1','name':{'kind':'NAME','value':'Dana Levi'},"
        + "'contactPoints':[{'channel':'EMAIL','address':{'kind':'EMAIL','value':'dana.secret@@example.com'}}]}");

    assertThatThrownBy(() -> MAPPER.readValue(input, Customer.class))
        .isInstanceOf(ValueInstantiationException.class)
        .hasMessageContaining("PersonalData EMAIL is not an e-mail address")
        .hasMessageNotContaining("dana")
        .hasMessageNotContaining("secret")
        .hasMessageNotContaining("example.com")
        .hasMessageNotContaining("Levi");
  }

  // ------------------------------------------------------------------ the factory

  @Test
  @DisplayName("objectMapper(host) returns a configured copy and leaves the host mapper unchanged")
  void hostMapperUnchanged() throws Exception {
    ObjectMapper host = new ObjectMapper();
    host.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    host.enable(SerializationFeature.INDENT_OUTPUT);
    String lenientMoney = json("{'amount':9.90,'currency':'EUR','note':'ignored'}");
    assertThat(host.readValue(lenientMoney, Money.class)).isEqualTo(Money.of("9.90", "EUR"));

    ObjectMapper configured = Cemkit.objectMapper(host);

    assertThat(configured).isNotSameAs(host);
    // the host still behaves as before
    assertThat(host.readValue(lenientMoney, Money.class)).isEqualTo(Money.of("9.90", "EUR"));
    assertThat(host.isEnabled(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)).isFalse();
    assertThat(host.isEnabled(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)).isTrue();
    assertThat(host.isEnabled(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)).isFalse();
    assertThat(host.getRegisteredModuleIds()).isEmpty();
    assertThat(host.writeValueAsString(new BigDecimal("1E+3"))).isEqualTo("1E+3");
    assertThat(host.readValue("\"5\"", Integer.class)).isEqualTo(5);
    // the copy is strict and knows java.time
    assertThatExceptionOfType(UnrecognizedPropertyException.class)
        .isThrownBy(() -> configured.readValue(lenientMoney, Money.class))
        .satisfies(e -> assertThat(e.getPropertyName()).isEqualTo("note"));
    assertThat(configured.writeValueAsString(new BigDecimal("1E+3"))).isEqualTo("1000");
    assertThatThrownBy(() -> configured.readValue("\"5\"", Integer.class)).isInstanceOf(MismatchedInputException.class);
    assertThat(configured.readValue(configured.writeValueAsString(active()), Agreement.class)).isEqualTo(active());
    // and keeps the host's own settings
    assertThat(configured.isEnabled(SerializationFeature.INDENT_OUTPUT)).isTrue();
  }

  @Test
  @DisplayName("objectMapper(host) rejects null")
  void hostMapperNull() {
    assertThatNullPointerException().isThrownBy(() -> Cemkit.objectMapper(null)).withMessage("base");
  }

  @Test
  @DisplayName("each objectMapper() call returns an independent instance")
  void independentInstances() throws Exception {
    ObjectMapper first = Cemkit.objectMapper();
    ObjectMapper second = Cemkit.objectMapper();
    assertThat(first).isNotSameAs(second);

    first.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    first.setDefaultPropertyInclusion(JsonInclude.Include.ALWAYS);
    first.enable(SerializationFeature.INDENT_OUTPUT);

    String lenientMoney = json("{'amount':9.90,'currency':'EUR','note':'ignored'}");
    assertThat(first.readValue(lenientMoney, Money.class)).isEqualTo(Money.of("9.90", "EUR"));
    assertThatThrownBy(() -> second.readValue(lenientMoney, Money.class))
        .isInstanceOf(UnrecognizedPropertyException.class);
    assertThatThrownBy(() -> Cemkit.objectMapper().readValue(lenientMoney, Money.class))
        .isInstanceOf(UnrecognizedPropertyException.class);
    assertThat(second.writeValueAsString(DateRange.from(LocalDate.of(2026, 1, 1))))
        .isEqualTo("{\"start\":\"2026-01-01\"}");
    assertThat(Cemkit.objectMapper().writeValueAsString(DateRange.from(LocalDate.of(2026, 1, 1))))
        .isEqualTo("{\"start\":\"2026-01-01\"}");
  }

  @Test
  @DisplayName("the mapper writes dates as ISO text, not timestamps")
  void datesAsText() throws Exception {
    assertThat(MAPPER.isEnabled(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)).isFalse();
    assertThat(MAPPER.writeValueAsString(LocalDate.of(2026, 1, 1))).isEqualTo("\"2026-01-01\"");
    assertThat(MAPPER.readValue(EVIDENCE, Evidence.class).at().toString()).isEqualTo("2026-01-15T09:30:00Z");
  }
}
