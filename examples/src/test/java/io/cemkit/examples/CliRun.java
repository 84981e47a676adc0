package io.cemkit.examples;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the {@code cemkit} tool in-process, keeping what it printed on each stream across runs. */
final class CliRun {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  int run(String... args) {
    return CemkitCli.run(new PrintWriter(out), new PrintWriter(err), args);
  }

  String out() {
    return out.toString();
  }

  String err() {
    return err.toString();
  }

  /** Forgets what was printed so far. */
  void clear() {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
  }
}
