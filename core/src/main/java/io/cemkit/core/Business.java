package io.cemkit.core;

import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.cemkit.core.internal.Checks;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.immutables.value.Value;

/**
 * A company as a customer or prospect, with the people who act for it in their roles.
 *
 * <p>The legal name and tax id of a company are not personal data; its contacts' names are.
 */
@Value.Immutable
@JsonTypeName("business")
@JsonSerialize(as = ImmutableBusiness.class)
@JsonDeserialize(as = ImmutableBusiness.class)
public abstract non-sealed class Business implements Customer {
  Business() {}

  /**
   * The registered name.
   *
   * @return the legal name
   */
  public abstract String legalName();

  /**
   * The company's tax or registration number, if known.
   *
   * @return the tax id
   */
  public abstract Optional<String> taxId();

  /**
   * The people who act for the business.
   *
   * @return the contacts
   */
  public abstract List<BusinessContact> contacts();

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

  /** The legal name. */
  @Override
  public String displayName() {
    return legalName();
  }

  @Override
  public Business withConsent(ConsentRecord record) {
    return ImmutableBusiness.copyOf(this).withConsents(consents().append(record));
  }

  /**
   * The contacts in a role.
   *
   * @param role the role code
   * @return the contacts, primary first
   */
  public List<BusinessContact> contacts(String role) {
    Objects.requireNonNull(role, "role");
    return contacts().stream().filter(c -> c.role().equals(role))
        .sorted((a, b) -> Boolean.compare(b.primary(), a.primary()))
        .collect(Collectors.toUnmodifiableList());
  }

  /**
   * A builder.
   *
   * @return a new builder
   */
  public static ImmutableBusiness.Builder builder() {
    return ImmutableBusiness.builder();
  }

  @Value.Check
  void check() {
    Checks.text("Business.legalName", legalName(), 256);
    taxId().ifPresent(t -> Checks.code("Business.taxId", t));
    Checks.check(contacts().stream().filter(BusinessContact::primary).count() <= 1,
        "Business %s has more than one primary contact", id());
  }
}
