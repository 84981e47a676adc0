package io.cemkit.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * The machinery of the modules' bad-input tables (issue #10): each library module's {@code BadInputTableTest}
 * lists rows, one invalid value each, with {@link Table}, checks each with {@link #assertRefused(Row)}, and
 * checks with {@link #assertEveryFactoryHasARow} that the public factories found in its compiled classes all
 * have a row or a written exemption. Shared through core's test jar, so the four tables apply one rule.
 *
 * <p>What counts as a factory: for every public class and public nested class of the given packages, each
 * public static method (except an enum's {@code values}/{@code valueOf}) and each public constructor of a
 * non-abstract class, keyed {@code Type.method(ParamTypes)} or {@code new Type(ParamTypes)}; a method that
 * takes no value (no parameters, and neither {@code builder()} nor {@code ofDefaults()}) and an exception's
 * constructors are left out, and of a generated {@code Immutable*} type only its {@code builder()} counts
 * (a hand-written {@code builder()} that returns a generated builder is covered by that one's rows).
 */
public final class BadInputTable {
  private BadInputTable() {}

  /**
   * Asserts that the row's call throws exactly the row's exception type with a message holding every
   * fragment; a {@link NullPointerException} must come from {@code Objects.requireNonNull} (its top frame is
   * {@code java.util.Objects}), not from a null met deep inside.
   *
   * @param row the row
   */
  public static void assertRefused(Row row) {
    Throwable thrown = catchThrowable(row.call());
    assertThat(thrown).as("%s must throw", row).isNotNull();
    assertThat(thrown).as("%s: %s", row, thrown).isExactlyInstanceOf(row.type());
    assertThat(thrown.getMessage()).as("message of %s", row).isNotBlank().contains(row.fragments());
    if (thrown instanceof NullPointerException) {
      assertThat(thrown.getStackTrace()[0].getClassName())
          .as("%s: a null is refused by Objects.requireNonNull, not met inside (%s)", row, thrown.getMessage())
          .isEqualTo("java.util.Objects");
    }
  }

  /**
   * Asserts that every public factory of the packages has a row or an exemption, and that no row or
   * exemption names a factory that no longer exists.
   *
   * @param anchor a class of the module, whose code source holds the packages' compiled classes
   * @param rows the table's rows
   * @param exempt factories without rows, each with the reason
   * @param packages the packages to walk
   * @throws IOException if the compiled classes cannot be listed
   * @throws URISyntaxException if the anchor's code source is not a file location
   */
  public static void assertEveryFactoryHasARow(Class<?> anchor, List<Row> rows, Map<String, String> exempt,
      String... packages) throws IOException, URISyntaxException {
    Set<String> found = PublicApi.factories(anchor, packages);
    Set<String> covered = rows.stream().map(Row::factory).collect(Collectors.toSet());
    assertThat(found.stream().filter(f -> !covered.contains(f) && !exempt.containsKey(f)).sorted().toList())
        .as("public factories without a row in the bad-input table (add rows, or an EXEMPT entry with a reason)")
        .isEmpty();
    assertThat(covered.stream().filter(f -> !found.contains(f)).sorted().toList())
        .as("rows naming no public factory (renamed or removed?)").isEmpty();
    assertThat(exempt.keySet().stream().filter(f -> !found.contains(f)).sorted().toList())
        .as("exemptions naming no public factory").isEmpty();
  }


  /**
   * One row of the table.
   *
   * @param factory the key of the factory it exercises
   * @param what the one invalid value
   * @param call the call
   * @param type the exception it must throw
   * @param fragments what the message must contain
   */
  public record Row(String factory, String what, ThrowingCallable call, Class<? extends Throwable> type,
      List<String> fragments) {
    @Override
    public String toString() {
      return factory + ": " + what;
    }
  }

  /** Collects rows under the factory named last. */
  public static final class Table {
    private final List<Row> rows = new ArrayList<>();
    private String factory;

    /**
     * Starts the rows of a factory.
     *
     * @param key the factory's key, e.g. {@code Money.of(String,String)} or {@code new Money(BigDecimal,Currency)}
     * @return this table
     */
    public Table on(String key) {
      this.factory = key;
      return this;
    }

    /**
     * A row whose call must throw a {@link NullPointerException} from {@code Objects.requireNonNull}.
     *
     * @param what the one invalid value
     * @param call the call
     * @param fragments what the message must contain
     * @return this table
     */
    public Table npe(String what, ThrowingCallable call, String... fragments) {
      return raises(NullPointerException.class, what, call, fragments);
    }

    /**
     * A row whose call must throw an {@link IllegalArgumentException}.
     *
     * @param what the one invalid value
     * @param call the call
     * @param fragments what the message must contain
     * @return this table
     */
    public Table iae(String what, ThrowingCallable call, String... fragments) {
      return raises(IllegalArgumentException.class, what, call, fragments);
    }

    /**
     * A row whose call must throw an {@link IllegalStateException}.
     *
     * @param what the one invalid value
     * @param call the call
     * @param fragments what the message must contain
     * @return this table
     */
    public Table ise(String what, ThrowingCallable call, String... fragments) {
      return raises(IllegalStateException.class, what, call, fragments);
    }

    /**
     * A row whose call must throw exactly {@code type}.
     *
     * @param type the exception type
     * @param what the one invalid value
     * @param call the call
     * @param fragments what the message must contain
     * @return this table
     */
    public Table raises(Class<? extends Throwable> type, String what, ThrowingCallable call, String... fragments) {
      if (factory == null) {
        throw new IllegalStateException("row '" + what + "' comes before any on(factory)");
      }
      rows.add(new Row(factory, what, call, type, List.of(fragments)));
      return this;
    }

    /**
     * The rows collected so far.
     *
     * @return the rows, in the order they were added
     */
    public List<Row> rows() {
      return List.copyOf(rows);
    }
  }

  /** The public factories found in compiled classes; see the class comment for the rules. */
  private static final class PublicApi {
    private PublicApi() {}

    static Set<String> factories(Class<?> anchor, String... packages) throws IOException, URISyntaxException {
      Path root = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
      Set<String> found = new TreeSet<>();
      for (String pkg : packages) {
        Path dir = root.resolve(pkg.replace('.', '/'));
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
          files = list.filter(p -> p.toString().endsWith(".class")).sorted().toList();
        }
        for (Path file : files) {
          String simple = file.getFileName().toString().replace(".class", "");
          if (simple.equals("package-info")) {
            continue;
          }
          Class<?> c = load(pkg + "." + simple);
          if (isVisible(c)) {
            collect(c, found);
          }
        }
      }
      return found;
    }

    private static Class<?> load(String name) {
      try {
        return Class.forName(name, false, PublicApi.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new UncheckedIOException(new IOException(name, e));
      }
    }

    private static boolean isVisible(Class<?> c) {
      for (Class<?> x = c; x != null; x = x.getEnclosingClass()) {
        if (!Modifier.isPublic(x.getModifiers()) || x.isAnonymousClass() || x.isLocalClass() || x.isSynthetic()) {
          return false;
        }
      }
      return true;
    }

    private static void collect(Class<?> c, Set<String> found) {
      String name = name(c);
      boolean generated = c.getSimpleName().startsWith("Immutable");
      for (Method m : c.getDeclaredMethods()) {
        int mod = m.getModifiers();
        if (!Modifier.isPublic(mod) || !Modifier.isStatic(mod) || m.isSynthetic()) {
          continue;
        }
        if (c.isEnum() && (m.getName().equals("values") || m.getName().equals("valueOf"))) {
          continue;
        }
        if (generated) {
          if (m.getName().equals("builder")) {
            found.add(name + ".builder()");
          }
          continue;
        }
        boolean takesNothing = m.getParameterCount() == 0 && !m.getName().equals("builder")
            && !m.getName().equals("ofDefaults");
        boolean generatedBuilder = m.getName().equals("builder") && m.getParameterCount() == 0
            && m.getReturnType().getName().contains(".Immutable");
        if (!takesNothing && !generatedBuilder) {
          found.add(name + "." + m.getName() + params(m.getParameterTypes()));
        }
      }
      if (!generated && !c.isInterface() && !Modifier.isAbstract(c.getModifiers())
          && !Throwable.class.isAssignableFrom(c)) {
        for (Constructor<?> k : c.getDeclaredConstructors()) {
          if (Modifier.isPublic(k.getModifiers()) && k.getParameterCount() > 0) {
            found.add("new " + name + params(k.getParameterTypes()));
          }
        }
      }
      for (Class<?> nested : c.getDeclaredClasses()) {
        if (isVisible(nested)) {
          collect(nested, found);
        }
      }
    }

    private static String name(Class<?> c) {
      return c.getEnclosingClass() == null ? c.getSimpleName() : name(c.getEnclosingClass()) + "." + c.getSimpleName();
    }

    private static String params(Class<?>[] types) {
      return Arrays.stream(types).map(Class::getSimpleName).collect(Collectors.joining(",", "(", ")"));
    }
  }
}
