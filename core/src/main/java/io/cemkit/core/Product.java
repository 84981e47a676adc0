package io.cemkit.core;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.cemkit.core.internal.Checks;
import org.immutables.value.Value;

/**
 * What an agreement item sells: a product or service from the host's catalogue, referenced by
 * code. Physical products become {@link Asset}s; some of them need installation at the customer's.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableProduct.class)
@JsonDeserialize(as = ImmutableProduct.class)
public abstract class Product {
  Product() {}

  /**
   * The catalogue code, e.g. {@code CARD-GOLD}.
   *
   * @return the code
   */
  public abstract String code();

  /**
   * A display name, e.g. "Gold credit card".
   *
   * @return the name
   */
  public abstract String name();

  /**
   * Physical, service or digital.
   *
   * @return the kind
   */
  public abstract ProductKind kind();

  /**
   * Whether a delivered unit must be installed before it is in service (a router, a meter).
   * Only physical products can need installation.
   *
   * @return true if installation is needed
   */
  @Value.Default
  public boolean requiresInstallation() {
    return false;
  }

  /**
   * A product that needs no installation.
   *
   * @param code the catalogue code
   * @param name the display name
   * @param kind the kind
   * @return the product
   */
  public static Product of(String code, String name, ProductKind kind) {
    return ImmutableProduct.builder().code(code).name(name).kind(kind).build();
  }

  /**
   * A physical product installed at the customer's.
   *
   * @param code the catalogue code
   * @param name the display name
   * @return the product
   */
  public static Product installed(String code, String name) {
    return ImmutableProduct.builder().code(code).name(name).kind(ProductKind.PHYSICAL).requiresInstallation(true)
        .build();
  }

  @Value.Check
  void check() {
    Checks.code("Product.code", code());
    Checks.text("Product.name", name(), 200);
    Checks.check(!requiresInstallation() || kind() == ProductKind.PHYSICAL,
        "Product %s is %s; only PHYSICAL products can require installation", code(), kind());
  }
}
