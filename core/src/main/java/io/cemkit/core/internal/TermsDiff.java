package io.cemkit.core.internal;

import io.cemkit.core.AgreementItem;
import io.cemkit.core.AgreementTerms;
import io.cemkit.core.Charge;
import io.cemkit.core.Entitlement;
import io.cemkit.core.Fee;
import io.cemkit.core.Product;
import io.cemkit.core.SlaTarget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Describes in words what changes between two versions of an agreement's terms, so that the
 * customer is asked to consent to exactly that. Not supported API.
 */
public final class TermsDiff {
  private TermsDiff() {}

  /**
   * The changes from {@code before} to {@code after}, one sentence each; empty if they are equal.
   *
   * @param before the current terms
   * @param after the proposed terms
   * @return the changes
   */
  public static List<String> describe(AgreementTerms before, AgreementTerms after) {
    List<String> out = new ArrayList<>();
    field(out, "term", before.term(), after.term());
    field(out, "renewal policy", describeRenewal(before), describeRenewal(after));
    field(out, "currency", before.currency(), after.currency());
    section(out, "item", before.items(), after.items(), i -> i.id().value(), TermsDiff::describeItem,
        (a, b, o) -> {
          String p = "item " + a.id() + " ";
          field(o, p + "product", describeProduct(a.product()), describeProduct(b.product()));
          field(o, p + "quantity", a.quantity(), b.quantity());
        });
    section(out, "charge", before.charges(), after.charges(), c -> c.id().value(), TermsDiff::describeCharge,
        (a, b, o) -> {
          String p = "charge " + a.id() + " ";
          field(o, p + "description", a.description(), b.description());
          field(o, p + "basis", a.basis(), b.basis());
          field(o, p + "item", show(a.item()), show(b.item()));
          field(o, p + "amount", a.amount(), b.amount());
          field(o, p + "unit", show(a.unit()), show(b.unit()));
          field(o, p + "periodicity", a.periodicity(), b.periodicity());
          field(o, p + "due", a.dueRule(), b.dueRule());
          field(o, p + "start", show(a.start()), show(b.start()));
        });
    section(out, "fee", before.fees(), after.fees(), Fee::rule,
        f -> f.description() + ", " + f.amount(), (a, b, o) -> {
          String p = "fee " + a.rule() + " ";
          field(o, p + "description", a.description(), b.description());
          field(o, p + "amount", a.amount(), b.amount());
        });
    section(out, "entitlement", before.entitlements(), after.entitlements(), e -> e.id().value(),
        TermsDiff::describeEntitlement, (a, b, o) -> {
          String p = "entitlement " + a.id() + " ";
          field(o, p + "service type", a.serviceType(), b.serviceType());
          field(o, p + "item", show(a.item()), show(b.item()));
          field(o, p + "quota", a.quota().map(q -> q + " per " + a.quotaPeriod()).orElse("unlimited"),
              b.quota().map(q -> q + " per " + b.quotaPeriod()).orElse("unlimited"));
          field(o, p + "channels", a.channels().isEmpty() ? "all" : a.channels().toString(),
              b.channels().isEmpty() ? "all" : b.channels().toString());
          field(o, p + "validity", show(a.validity()), show(b.validity()));
          field(o, p + "SLA", a.sla().map(TermsDiff::describeSla).orElse("none"),
              b.sla().map(TermsDiff::describeSla).orElse("none"));
        });
    if (out.isEmpty() && !before.equals(after)) {
      out.add("terms: " + before + " → " + after);
    }
    return out;
  }

  private interface Changed<T> {
    void describe(T before, T after, List<String> out);
  }

  private static <T> void section(List<String> out, String noun, List<T> before, List<T> after,
      Function<T, String> id, Function<T, String> describe, Changed<T> changed) {
    Map<String, T> old = new LinkedHashMap<>();
    before.forEach(t -> old.put(id.apply(t), t));
    Map<String, T> neu = new LinkedHashMap<>();
    after.forEach(t -> neu.put(id.apply(t), t));
    for (Map.Entry<String, T> e : old.entrySet()) {
      T replacement = neu.get(e.getKey());
      if (replacement == null) {
        out.add(noun + " " + e.getKey() + " removed: " + describe.apply(e.getValue()));
      } else if (!replacement.equals(e.getValue())) {
        int lines = out.size();
        changed.describe(e.getValue(), replacement, out);
        if (out.size() == lines) {
          // a field this class does not know yet: never report a real change as "no change"
          out.add(noun + " " + e.getKey() + ": " + e.getValue() + " → " + replacement);
        }
      }
    }
    for (Map.Entry<String, T> e : neu.entrySet()) {
      if (!old.containsKey(e.getKey())) {
        out.add(noun + " " + e.getKey() + " added: " + describe.apply(e.getValue()));
      }
    }
  }

  private static void field(List<String> out, String name, Object before, Object after) {
    if (!Objects.equals(before, after)) {
      out.add(name + ": " + before + " → " + after);
    }
  }

  private static String show(Optional<?> value) {
    return value.map(Object::toString).orElse("none");
  }

  private static String describeRenewal(AgreementTerms terms) {
    return terms.renewal().mode() + terms.renewal().renewalTerm().map(p -> " by " + p).orElse("")
        + ", notice " + terms.renewal().notice();
  }

  private static String describeItem(AgreementItem item) {
    return describeProduct(item.product()) + " × " + item.quantity();
  }

  private static String describeProduct(Product product) {
    return product.code() + " (" + product.name() + ", " + product.kind()
        + (product.requiresInstallation() ? ", installed" : "") + ")";
  }

  private static String describeSla(SlaTarget sla) {
    return "first response " + sla.firstResponse() + ", resolution " + sla.resolution()
        + sla.calendar().map(c -> " on calendar " + c).orElse(" around the clock");
  }

  private static String describeCharge(Charge charge) {
    return charge.description() + ", " + charge.amount() + charge.unit().map(u -> " per " + u).orElse("") + ", "
        + charge.periodicity() + ", due " + charge.dueRule();
  }

  private static String describeEntitlement(Entitlement e) {
    return e.serviceType() + e.quota().map(q -> ", " + q + " per " + e.quotaPeriod()).orElse(", unlimited")
        + (e.channels().isEmpty() ? "" : ", via " + e.channels());
  }
}
