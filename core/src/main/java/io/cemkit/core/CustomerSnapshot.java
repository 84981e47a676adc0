package io.cemkit.core;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A customer as the customer context shows it: masked by default. Names and addresses appear only
 * in their masked forms; the host reveals the real values from its customer store where the agent
 * is entitled to them.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableCustomerSnapshot.class)
@JsonDeserialize(as = ImmutableCustomerSnapshot.class)
public abstract class CustomerSnapshot {
  CustomerSnapshot() {}

  /** Individual or business. */
  public enum Kind {
    /** A private person. */
    INDIVIDUAL,
    /** A company. */
    BUSINESS
  }

  /**
   * The customer.
   *
   * @return its id
   */
  public abstract CustomerId id();

  /**
   * Individual or business.
   *
   * @return the kind
   */
  public abstract Kind kind();

  /**
   * The masked name of an individual, or the legal name of a business.
   *
   * @return the display name
   */
  public abstract String displayName();

  /**
   * Prospect, active or closed.
   *
   * @return the status
   */
  public abstract CustomerStatus status();

  /**
   * The segments.
   *
   * @return the segments
   */
  public abstract Set<Segment> segments();

  /**
   * The contact points, masked.
   *
   * @return the contacts
   */
  public abstract List<MaskedContact> contacts();

  /**
   * The channels on which marketing is allowed now.
   *
   * @return the channels
   */
  public abstract Set<Channel> marketingAllowed();

  /**
   * The channels the customer withdrew or refused for service messages.
   *
   * @return the channels
   */
  public abstract Set<Channel> serviceWithdrawn();

  /**
   * The channels the customer withdrew or refused for billing and collection messages.
   *
   * @return the channels
   */
  public abstract Set<Channel> collectionWithdrawn();

  /**
   * A builder.
   *
   * @return a new builder
   */
  public static ImmutableCustomerSnapshot.Builder builder() {
    return ImmutableCustomerSnapshot.builder();
  }
}
