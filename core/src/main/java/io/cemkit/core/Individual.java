package io.cemkit.core;

import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.cemkit.core.internal.Checks;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A private person as a customer or prospect.
 *
 * <pre>{@code
 * Individual dana = Individual.builder()
 *     .id(CustomerId.of("C-1001"))
 *     .name(PersonalData.name("Dana Levi"))
 *     .addSegments(Segment.of("private"))
 *     .addContactPoints(ContactPoint.of(Channel.EMAIL, PersonalData.email("dana@example.com")))
 *     .build();
 * }</pre>
 */
@Value.Immutable
@JsonTypeName("individual")
@JsonSerialize(as = ImmutableIndividual.class)
@JsonDeserialize(as = ImmutableIndividual.class)
public abstract non-sealed class Individual implements Customer {
  Individual() {}

  /**
   * The person's name.
   *
   * @return the name
   */
  public abstract PersonalData name();

  /**
   * The national identity number, if known.
   *
   * @return the number
   */
  public abstract Optional<PersonalData> nationalId();

  /**
   * The preferred language as a BCP 47 tag (e.g. {@code he}, {@code en-GB}), if known.
   *
   * @return the language tag
   */
  public abstract Optional<String> preferredLanguage();

  /** Defaults to {@link CustomerStatus#ACTIVE}. */
  @Override
  @Value.Default
  public CustomerStatus status() {
    return CustomerStatus.ACTIVE;
  }

  /** Defaults to an empty ledger. */
  @Override
  @Value.Default
  public ConsentLedger consents() {
    return ConsentLedger.empty();
  }

  /** The masked name, e.g. {@code D*** L***}. */
  @Override
  public String displayName() {
    return name().masked();
  }

  @Override
  public Individual withConsent(ConsentRecord record) {
    return ImmutableIndividual.copyOf(this).withConsents(consents().append(record));
  }

  /**
   * A builder.
   *
   * @return a new builder
   */
  public static ImmutableIndividual.Builder builder() {
    return ImmutableIndividual.builder();
  }

  @Value.Check
  void check() {
    Checks.check(name().kind() == PersonalData.Kind.NAME, "Individual.name must be a NAME, was %s", name().kind());
    nationalId().ifPresent(n -> Checks.check(n.kind() == PersonalData.Kind.NATIONAL_ID,
        "Individual.nationalId must be a NATIONAL_ID, was %s", n.kind()));
    preferredLanguage().ifPresent(tag -> Checks.check(
        tag.matches("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*"),
        "Individual.preferredLanguage '%s' is not a BCP 47 language tag", Checks.abbreviate(tag)));
  }
}
