package io.cemkit.examples;

import io.cemkit.core.Agreement;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code cemkit demo [NAME]}: runs a scenario and prints its story. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Run a scenario and print its story. Without a name, runs '" + DemoCommand.DEFAULT + "'.")
final class DemoCommand implements Runnable {
  static final String DEFAULT = "agreement";

  private static final Map<String, Consumer<java.io.PrintWriter>> SCENARIOS = new TreeMap<>(Map.of(
      "agreement", out -> {
        Agreement agreement = new AgreementDemo(out).run();
        out.println();
        new ContextDemo(out).run(AgreementDemo.customer(), agreement);
        out.println();
        new WorkflowDemo(out).run();
      }));

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", defaultValue = DEFAULT,
      description = "The scenario: ${COMPLETION-CANDIDATES}.", completionCandidates = Names.class)
  String name;

  @CommandLine.Option(names = "--list", description = "List the scenarios and exit.")
  boolean list;

  @Override
  public void run() {
    java.io.PrintWriter out = spec.commandLine().getOut();
    if (list) {
      SCENARIOS.keySet().forEach(out::println);
      return;
    }
    Consumer<java.io.PrintWriter> scenario = SCENARIOS.get(name);
    if (scenario == null) {
      throw new CommandLine.ParameterException(spec.commandLine(), "Unknown scenario '" + name + "'; known: "
          + String.join(", ", SCENARIOS.keySet()));
    }
    scenario.accept(out);
  }

  /** The scenario names, for help and completion. */
  static final class Names implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return SCENARIOS.keySet().iterator();
    }
  }
}
