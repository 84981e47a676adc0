package io.cemkit.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The seed map's page byte for byte against a reviewed copy. The other renderer tests check what the page
 * says (texts, counts, escaping); this one pins where it draws it: every coordinate of the SVG's cards,
 * lanes, curve and arrows. Mutation testing showed the layout arithmetic was otherwise unchecked (a sign
 * flipped in a card's height went unnoticed).
 *
 * <p>After an intended change of the layout, look at the new page in a browser, then rewrite the copy
 * with {@code -Dcemkit.golden.update=true} and review the diff like code.
 */
class HtmlRendererGoldenTest {
  private static final String GOLDEN = "golden/bank-switch.html";

  @Test
  @DisplayName("the seed map's page is the reviewed page, coordinates included")
  void seedPage() throws IOException {
    String html = HtmlRenderer.render(Seed.bankSwitch());
    if (Boolean.getBoolean("cemkit.golden.update")) {
      Path file = Path.of("src/test/resources/io/cemkit/journey", GOLDEN);
      Files.createDirectories(file.getParent());
      Files.writeString(file, html, StandardCharsets.UTF_8);
    }
    String expected;
    try (InputStream in = HtmlRendererGoldenTest.class.getResourceAsStream(GOLDEN)) {
      assertThat(in).as("the reviewed copy %s", GOLDEN).isNotNull();
      expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(html).isEqualTo(expected);
  }
}
