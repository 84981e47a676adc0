package io.cemkit.core;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.cemkit.core.internal.Checks;
import org.immutables.value.Value;

/** A line of an agreement: a product or service and how many units of it. */
@Value.Immutable
@JsonSerialize(as = ImmutableAgreementItem.class)
@JsonDeserialize(as = ImmutableAgreementItem.class)
public abstract class AgreementItem {
  AgreementItem() {}

  /**
   * The item's id within the agreement.
   *
   * @return the id
   */
  public abstract AgreementItemId id();

  /**
   * What is sold.
   *
   * @return the product
   */
  public abstract Product product();

  /**
   * How many units; for physical products, how many assets may be held at once. Defaults to 1.
   *
   * @return the quantity
   */
  @Value.Default
  public int quantity() {
    return 1;
  }

  /**
   * One unit of a product.
   *
   * @param id the item's id
   * @param product the product
   * @return the item
   */
  public static AgreementItem of(AgreementItemId id, Product product) {
    return ImmutableAgreementItem.builder().id(id).product(product).build();
  }

  /**
   * A builder.
   *
   * @return a new builder
   */
  public static ImmutableAgreementItem.Builder builder() {
    return ImmutableAgreementItem.builder();
  }

  @Value.Check
  void check() {
    Checks.check(quantity() >= 1 && quantity() <= 1_000_000, "AgreementItem %s quantity must be 1 to 1000000, was %d",
        id(), quantity());
  }
}
