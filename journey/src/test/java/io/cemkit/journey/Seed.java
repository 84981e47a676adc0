package io.cemkit.journey;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The seed 001 map shipped in the test resources. */
final class Seed {
  private Seed() {}

  static String bankSwitchJson() {
    try (InputStream in = Seed.class.getResourceAsStream("/journeys/bank-switch.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JourneyMap bankSwitch() {
    return JourneyMapJson.read(bankSwitchJson());
  }
}
