package io.cemkit.examples;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cemkit demo [NAME] [--out DIR]}: runs a scenario from the seeds, prints its story with its figures and
 * writes its pictures (journey pages, Mermaid diagrams, JSON) into a folder. Every scenario is deterministic:
 * seeded data and fixed or virtual clocks.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Run a scenario, print its story and write its pictures. Without a name, runs '"
        + DemoCommand.DEFAULT + "'.")
final class DemoCommand implements Runnable {
  static final String DEFAULT = "bank-switch";

  /** What a scenario does: tells its story to {@code out} and writes its files with {@code files}. */
  @FunctionalInterface
  interface Story {
    void tell(PrintWriter out, DemoFiles files);
  }

  /**
   * A registered scenario.
   *
   * @param name its name on the command line
   * @param about one line for {@code --list}
   * @param story what it runs
   */
  record Scenario(String name, String about, Story story) {}

  /** The scenarios, in the order of the requirements (E1–E5); a new one is one line here. */
  static final List<Scenario> SCENARIOS = List.of(
      new Scenario("bank-switch", "E1, seed 001: switching banks, from the prospect's map to the agent's view",
          (out, files) -> new BankSwitchDemo(out, files).run()),
      new Scenario("telecom", "E2, seed 003: a subscriber's service processes under her SLA, dunning, a busy day",
          (out, files) -> new TelecomDemo(out, files).run()),
      new Scenario("clinic", "E3, seed 003: booking across app, web and call centre, a partner doctor, results",
          (out, files) -> new ClinicDemo(out, files).run()),
      new Scenario("taxi", "E4, seed 002: a month of rated rides and the fair monthly driver ranking",
          (out, files) -> new TaxiDemo(out, files).run()),
      new Scenario("checkout-abandonment", "E5, seed 004: where e-commerce visitors leave the checkout, and why",
          (out, files) -> new CheckoutDemo(out, files).run()));

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", defaultValue = DEFAULT,
      description = "The scenario: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
      completionCandidates = Names.class)
  String name;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Where to write the pictures (default: cemkit-demo-out/NAME; created if missing).")
  Path out;

  @Option(names = "--list", description = "List the scenarios and exit.")
  boolean list;

  @Override
  public void run() {
    PrintWriter text = spec.commandLine().getOut();
    if (list) {
      SCENARIOS.forEach(s -> text.printf("%-22s %s%n", s.name(), s.about()));
      return;
    }
    Scenario scenario = find(name).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
        "Unknown scenario '" + name + "'; known: " + String.join(", ", names().keySet())));
    scenario.story().tell(text, new DemoFiles(out == null ? DemoFiles.defaultDir(scenario.name()) : out));
    text.flush();
  }

  static Optional<Scenario> find(String name) {
    return Optional.ofNullable(names().get(name));
  }

  private static Map<String, Scenario> names() {
    Map<String, Scenario> byName = new LinkedHashMap<>();
    SCENARIOS.forEach(s -> byName.put(s.name(), s));
    return byName;
  }

  /** The scenario names, for help and completion. */
  static final class Names implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return names().keySet().iterator();
    }
  }
}
