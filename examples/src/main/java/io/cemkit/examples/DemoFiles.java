package io.cemkit.examples;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The folder a demo writes its pictures into. It is created at the first write; each write is told in the
 * story ({@code wrote DIR/NAME: what it shows}), with the folder as the user gave it, so the text is the same
 * on every machine.
 */
final class DemoFiles {
  private final Path dir;
  private final List<Path> written = new ArrayList<>();

  DemoFiles(Path dir) {
    this.dir = Objects.requireNonNull(dir, "dir");
  }

  /** The default folder of a scenario: {@code cemkit-demo-out/<name>} under the working directory. */
  static Path defaultDir(String scenario) {
    return Path.of("cemkit-demo-out", scenario);
  }

  Path dir() {
    return dir;
  }

  /**
   * Writes a file and tells the story where it went and what it shows.
   *
   * @param out the story
   * @param name the file's name in the folder
   * @param text its content, UTF-8
   * @param about what it shows, in a few words
   * @return the file
   */
  Path write(PrintWriter out, String name, String text, String about) {
    Path file = dir.resolve(name);
    try {
      Files.createDirectories(dir);
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
    written.add(file);
    out.println("  wrote " + file + ": " + about);
    return file;
  }

  /** The files written so far, in order. */
  List<Path> written() {
    return List.copyOf(written);
  }
}
