package io.cemkit.testkit;

import io.cemkit.core.Business;
import io.cemkit.core.Channel;
import io.cemkit.core.ConsentPurpose;
import io.cemkit.core.Customer;
import io.cemkit.core.Individual;
import io.cemkit.core.Segment;
import java.time.Instant;
import org.assertj.core.api.AbstractAssert;

/** Assertions on a {@link Customer}. Obtain through {@link CemkitAssertions#assertThat(Customer)}. */
public class CustomerAssert extends AbstractAssert<CustomerAssert, Customer> {

  /**
   * Creates the assertion.
   *
   * @param actual the customer
   */
  public CustomerAssert(Customer actual) {
    super(actual, CustomerAssert.class);
  }

  /**
   * Verifies the customer is a private person.
   *
   * @return this assertion
   */
  public CustomerAssert isIndividual() {
    isNotNull();
    if (!(actual instanceof Individual)) {
      failWithMessage("Expected customer %s to be an individual but it is a business", actual.id());
    }
    return this;
  }

  /**
   * Verifies the customer is a business.
   *
   * @return this assertion
   */
  public CustomerAssert isBusiness() {
    isNotNull();
    if (!(actual instanceof Business)) {
      failWithMessage("Expected customer %s to be a business but it is an individual", actual.id());
    }
    return this;
  }

  /**
   * Verifies segment membership.
   *
   * @param segment the segment
   * @return this assertion
   */
  public CustomerAssert isIn(Segment segment) {
    isNotNull();
    if (!actual.isIn(segment)) {
      failWithMessage("Expected customer %s to be in segment %s but its segments are %s", actual.id(), segment,
          actual.segments());
    }
    return this;
  }

  /**
   * Verifies that the consent ledger allows a purpose on a channel at an instant.
   *
   * @param purpose the purpose
   * @param channel the channel
   * @param at the instant
   * @return this assertion
   */
  public CustomerAssert allows(ConsentPurpose purpose, Channel channel, Instant at) {
    isNotNull();
    if (!actual.consents().allows(purpose, channel, at)) {
      failWithMessage("Expected customer %s to allow %s on %s at %s but the record in force is %s", actual.id(),
          purpose, channel, at, actual.consents().effective(purpose, channel, at).map(Object::toString).orElse("none"));
    }
    return this;
  }

  /**
   * Verifies that the consent ledger does not allow a purpose on a channel at an instant.
   *
   * @param purpose the purpose
   * @param channel the channel
   * @param at the instant
   * @return this assertion
   */
  public CustomerAssert doesNotAllow(ConsentPurpose purpose, Channel channel, Instant at) {
    isNotNull();
    if (actual.consents().allows(purpose, channel, at)) {
      failWithMessage("Expected customer %s not to allow %s on %s at %s but a grant is in force", actual.id(), purpose,
          channel, at);
    }
    return this;
  }

  /**
   * Verifies that {@code toString()} shows none of the given raw values (names, addresses, numbers).
   *
   * @param rawValues the personal data that must not appear
   * @return this assertion
   */
  public CustomerAssert doesNotRevealInToString(String... rawValues) {
    isNotNull();
    String text = actual.toString();
    for (String raw : rawValues) {
      if (text.contains(raw)) {
        failWithMessage("Expected customer %s's toString() to hide personal data, but it shows a value of length %d",
            actual.id(), raw.length());
      }
    }
    return this;
  }
}
