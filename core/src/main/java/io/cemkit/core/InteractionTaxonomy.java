package io.cemkit.core;

import io.cemkit.core.internal.Checks;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The host's classification of interactions: the set of {@link InteractionClass}es an interaction
 * may carry. Classes are hierarchical by dots; listing {@code billing.dispute} also admits
 * {@code billing}, its ancestor. An interaction with a class outside the taxonomy is rejected, so
 * reports never fill up with typos.
 */
public final class InteractionTaxonomy {
  private final Set<InteractionClass> classes;

  private InteractionTaxonomy(Set<InteractionClass> classes) {
    this.classes = classes;
  }

  /**
   * A taxonomy of the given classes and their ancestors.
   *
   * @param classes the classes, at least one
   * @return the taxonomy
   */
  public static InteractionTaxonomy of(Collection<InteractionClass> classes) {
    Objects.requireNonNull(classes, "classes");
    Checks.check(!classes.isEmpty(), "InteractionTaxonomy needs at least one class");
    Set<InteractionClass> all = new TreeSet<>((a, b) -> a.code().compareTo(b.code()));
    for (InteractionClass c : classes) {
      for (InteractionClass x = Objects.requireNonNull(c, "class"); x != null; x = x.parent().orElse(null)) {
        all.add(x);
      }
    }
    return new InteractionTaxonomy(Collections.unmodifiableSet(all));
  }

  /**
   * A taxonomy of the given class codes and their ancestors.
   *
   * @param codes the codes, e.g. {@code "billing.dispute"}
   * @return the taxonomy
   */
  public static InteractionTaxonomy of(String... codes) {
    return of(Arrays.stream(Objects.requireNonNull(codes, "codes")).map(InteractionClass::of)
        .collect(Collectors.toList()));
  }

  /**
   * The classes, sorted by code.
   *
   * @return the classes
   */
  public Set<InteractionClass> classes() {
    return classes;
  }

  /**
   * Whether the class belongs to the taxonomy.
   *
   * @param c the class
   * @return true if known
   */
  public boolean contains(InteractionClass c) {
    return classes.contains(Objects.requireNonNull(c, "class"));
  }

  /**
   * Returns the class if it belongs to the taxonomy.
   *
   * @param c the class
   * @return the class
   * @throws IllegalArgumentException naming the class and the known classes at its level
   */
  public InteractionClass require(InteractionClass c) {
    if (!contains(c)) {
      String prefix = c.parent().map(p -> p.code() + ".").orElse("");
      String siblings = classes.stream().map(InteractionClass::code)
          .filter(k -> k.startsWith(prefix) && k.indexOf('.', prefix.length()) < 0)
          .collect(Collectors.joining(", "));
      throw new IllegalArgumentException("Interaction class '" + c + "' is not in the taxonomy; known"
          + (prefix.isEmpty() ? "" : " under " + c.parent().get()) + ": " + (siblings.isEmpty() ? "none" : siblings));
    }
    return c;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof InteractionTaxonomy && ((InteractionTaxonomy) other).classes.equals(classes);
  }

  @Override
  public int hashCode() {
    return classes.hashCode();
  }

  @Override
  public String toString() {
    return "InteractionTaxonomy" + classes;
  }
}
