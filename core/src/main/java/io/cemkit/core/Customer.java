package io.cemkit.core;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A customer or prospect: an {@link Individual} or a {@link Business}.
 *
 * <p>Both carry segments, contact points and a consent ledger. Personal data is held in
 * {@link PersonalData}, so {@code toString()} of a customer never shows a name, a number or an
 * address. Customers are immutable; {@code with*} methods return changed copies.
 *
 * <p>JSON: an object with {@code "type": "individual"} or {@code "type": "business"}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = Individual.class, name = "individual"),
  @JsonSubTypes.Type(value = Business.class, name = "business")
})
public sealed interface Customer permits Individual, Business {

  /**
   * The customer's id.
   *
   * @return the id
   */
  CustomerId id();

  /**
   * Whether this is a prospect, a customer or a former customer.
   *
   * @return the status
   */
  CustomerStatus status();

  /**
   * The host-defined segments the customer belongs to.
   *
   * @return the segments
   */
  Set<Segment> segments();

  /**
   * Where the customer can be reached.
   *
   * @return the contact points
   */
  List<ContactPoint> contactPoints();

  /**
   * The customer's consent history.
   *
   * @return the ledger
   */
  ConsentLedger consents();

  /**
   * A name safe to show on screens and in logs: masked for individuals, the legal name for
   * businesses.
   *
   * @return the display name
   */
  String displayName();

  /**
   * This customer with one more consent record.
   *
   * @param record the record
   * @return the changed customer
   * @throws IllegalArgumentException if the record was recorded before the ledger's last record
   */
  Customer withConsent(ConsentRecord record);

  /**
   * The contact points on one channel, preferred ones first.
   *
   * @param channel the channel
   * @return the contact points
   */
  default List<ContactPoint> contactPoints(Channel channel) {
    Objects.requireNonNull(channel, "channel");
    return contactPoints().stream().filter(c -> c.channel() == channel)
        .sorted((a, b) -> Boolean.compare(b.preferred(), a.preferred()))
        .collect(Collectors.toUnmodifiableList());
  }

  /**
   * Whether the customer belongs to a segment.
   *
   * @param segment the segment
   * @return true if a member
   */
  default boolean isIn(Segment segment) {
    return segments().contains(Objects.requireNonNull(segment, "segment"));
  }
}
