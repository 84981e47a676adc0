package io.cemkit.examples;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.function.BiFunction;

/**
 * One run of a demo into a folder, for the demo tests: what it returned and the story it printed.
 *
 * @param <T> what the demo returns
 * @param outcome what it returned
 * @param story what it printed
 */
record DemoRun<T>(T outcome, String story) {
  static <T> DemoRun<T> of(Path dir, BiFunction<PrintWriter, DemoFiles, T> demo) {
    StringWriter text = new StringWriter();
    T outcome = demo.apply(new PrintWriter(text), new DemoFiles(dir));
    return new DemoRun<>(outcome, text.toString());
  }
}
