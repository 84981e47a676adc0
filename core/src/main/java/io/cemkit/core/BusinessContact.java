package io.cemkit.core;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.cemkit.core.internal.Checks;
import java.util.List;
import org.immutables.value.Value;

/**
 * A person who acts for a {@link Business} in a role (owner, billing, technical, purchasing; the
 * role codes are the host's).
 */
@Value.Immutable
@JsonSerialize(as = ImmutableBusinessContact.class)
@JsonDeserialize(as = ImmutableBusinessContact.class)
public abstract class BusinessContact {
  BusinessContact() {}

  /**
   * The person's name.
   *
   * @return the name
   */
  public abstract PersonalData name();

  /**
   * The role code, e.g. {@code billing}.
   *
   * @return the role
   */
  public abstract String role();

  /**
   * Where this person can be reached.
   *
   * @return the contact points
   */
  public abstract List<ContactPoint> contactPoints();

  /**
   * Whether this is the business's main contact.
   *
   * @return true for the primary contact
   */
  @Value.Default
  public boolean primary() {
    return false;
  }

  /**
   * A builder.
   *
   * @return a new builder
   */
  public static ImmutableBusinessContact.Builder builder() {
    return ImmutableBusinessContact.builder();
  }

  @Value.Check
  void check() {
    Checks.code("BusinessContact.role", role());
    Checks.check(name().kind() == PersonalData.Kind.NAME, "BusinessContact.name must be a NAME, was %s",
        name().kind());
  }
}
