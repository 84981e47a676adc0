package io.cemkit.journey;

import static io.cemkit.journey.Fixtures.BUY;
import static io.cemkit.journey.Fixtures.USE;
import static org.assertj.core.api.Assertions.assertThat;

import io.cemkit.core.Channel;
import io.cemkit.core.JourneyStage;
import io.cemkit.core.Touchpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MermaidRendererTest {

  @Test
  @DisplayName("the seed map renders to the golden Mermaid text")
  void seed() {
    assertThat(MermaidRenderer.render(Seed.bankSwitch())).isEqualTo(JourneyMapJsonTest.resource(
        "/journeys/bank-switch.mmd"));
  }

  @Test
  @DisplayName("each touchpoint is a task in its stage's section, scored by its emotion, with persona and owner")
  void layout() {
    JourneyMap map = Fixtures.twoStages().addTouchpoints(Fixtures.tp("a", BUY, "Sales", "excited").build(),
        Fixtures.outside("f", BUY, "bored").build(), Fixtures.tp("b", USE, "Noa", "angry").build()).build();
    assertThat(MermaidRenderer.render(map)).isEqualTo("""
        journey
          title Phone line
          accDescr: Noa - Get a working phone line
          section Buy
            Touchpoint a: 5: Noa, Sales
            Outside f: 2: Noa
          section Use
            Touchpoint b: 0: Noa
        """);
  }

  @Test
  @DisplayName("the documented sanitisation, case by case")
  void sanitisation() {
    JourneyMap map = JourneyMap.builder().persona(Fixtures.PERSONA).title("Q&A #1: day; %%{init: {'theme':'dark'}}%% <br> end")
        .stages(List.of(Stage.of(BUY, "Buy: now # soon"), Stage.of(USE, "Use")))
        .addTouchpoints(
            named("a", BUY, "Sales, North: East", "Step 1: apply;\nthen\u2028wait\u00A0now")
                .build(),
            named("b", USE, "Ops", "journey to the branch").build(),
            named("c", USE, "Ops", "Title deed signed").build(),
            named("d", USE, "Ops", "accDescr {x}").build(),
            named("e", USE, "Ops", "::: ###").build(),
            named("f", USE, "Ops", "Titles are fine").build())
        .build();
    assertThat(MermaidRenderer.render(map).lines().toList()).containsExactly(
        "journey",
        "  title Q&A No.1 - day, %{init - {'theme' -'dark'}}% \u2039br\u203A end",
        "  accDescr: Noa - Get a working phone line",
        "  section Buy - now No. soon",
        "    Step 1 - apply, then wait now: 4: Noa, Sales / North - East",
        "  section Use",
        "    \u200Bjourney to the branch: 4: Noa, Ops",
        "    \u200BTitle deed signed: 4: Noa, Ops",
        "    \u200BaccDescr {x}: 4: Noa, Ops",
        "    - - - No.No.No.: 4: Noa, Ops",
        "    Titles are fine: 4: Noa, Ops");
  }

  private static ImmutableMapTouchpoint.Builder named(String id, JourneyStage stage, String owner, String name) {
    return MapTouchpoint.builder().id(Touchpoint.of(id)).stage(stage).name(name).channel(Channel.WEB).owner(owner)
        .emotion("happy");
  }

  // ------------------------------------------------------------ Mermaid's lexer, rule for rule

  /** The rules of Mermaid's journey.jison, in order: the first that matches wins (case-insensitive). */
  private static final String[][] RULES = {
      {"%%(?!\\{)[^\\n]*", null},
      {"[^}]%%[^\\n]*", null},
      {"[\\n]+", "NEWLINE"},
      {"[ \\t\\f\\r\\u000B\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000\\uFEFF]+", null},
      {"#[^\\n]*", null},
      {"journey", "journey"},
      {"title\\s[^#\\n;]+", "title"},
      {"accTitle\\s*:\\s*", "acc_title"},
      {"accDescr\\s*:\\s*", "acc_descr"},
      {"accDescr\\s*\\{\\s*", "acc_descr_multiline"},
      {"section\\s[^#:\\n;]+", "section"},
      {"[^#:\\n;]+", "taskName"},
      {":[^#\\n;]+", "taskData"},
      {":", ":"},
      {".", "INVALID"}};

  private record Token(String type, String text) {}

  private static List<Token> lex(String text) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      boolean valueState = !tokens.isEmpty() && (tokens.get(tokens.size() - 1).type().equals("acc_title")
          || tokens.get(tokens.size() - 1).type().equals("acc_descr"));
      if (valueState) {
        int end = text.indexOf('\n', i);
        end = end < 0 ? text.length() : end;
        tokens.add(new Token("acc_value", text.substring(i, end)));
        i = end;
        continue;
      }
      boolean matched = false;
      for (String[] rule : RULES) {
        Matcher m = Pattern.compile(rule[0], Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(text);
        m.region(i, text.length());
        if (m.lookingAt()) {
          if (rule[1] != null) {
            tokens.add(new Token(rule[1], m.group()));
          }
          i = m.end();
          matched = true;
          break;
        }
      }
      assertThat(matched).isTrue();
    }
    return tokens;
  }

  /** What the diagram would hold: sections with their tasks, or an assertion error where Mermaid fails. */
  private record Task(String section, String name, int score, List<String> actors) {}

  private static List<Task> parse(String text, List<String> sections) {
    List<Token> tokens = lex(text);
    assertThat(tokens.get(0).type()).isEqualTo("journey");
    List<Task> tasks = new ArrayList<>();
    String section = null;
    for (int i = 1; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      switch (t.type()) {
        case "NEWLINE" -> { }
        case "title" -> assertThat(section).as("title before the sections").isNull();
        case "acc_descr" -> {
          assertThat(tokens.get(i + 1).type()).isEqualTo("acc_value");
          i++;
        }
        case "section" -> {
          section = t.text().substring(8);
          sections.add(section);
        }
        case "taskName" -> {
          Token data = tokens.get(++i);
          assertThat(data.type()).as("after task '%s'", t.text()).isEqualTo("taskData");
          String[] pieces = data.text().substring(1).split(":", -1);
          assertThat(pieces).as("task data '%s'", data.text()).hasSize(2);
          assertThat(pieces[0].strip()).as("score of '%s'", t.text()).matches("[0-5]");
          List<String> actors = Stream.of(pieces[1].split(",")).map(String::strip).toList();
          tasks.add(new Task(section, t.text(), Integer.parseInt(pieces[0].strip()), actors));
        }
        default -> throw new AssertionError("Mermaid would fail at token " + t + " in:\n" + text);
      }
    }
    return tasks;
  }

  private static final String[] HOSTILE = {":", "#", ";", "%%", "%", "%%{init: {'theme':'dark'}}%%", "\n", "\r\n",
      "\t", "<br>", "<script>alert(1)</script>", "&amp;", ",", " ", "journey", "Journey", "title ", "TITLE\t",
      "section ", "accTitle", "accDescr {", "accDescr:", "#quot;", "é", "עברית", "\uD83D\uDE00", "\u2028", "\u00A0",
      "}", "{", "x", "Card", "123", "-", "'", "\"", "\u200B", "\uFEFF"};

  private static String hostile(Random random, int max) {
    StringBuilder s = new StringBuilder();
    int pieces = 1 + random.nextInt(8);
    for (int i = 0; i < pieces; i++) {
      s.append(HOSTILE[random.nextInt(HOSTILE.length)]);
    }
    String text = s.length() > max ? s.substring(0, max) : s.toString();
    // A name must not be blank or end inside a surrogate pair; the model refuses both before Mermaid sees it.
    if (Character.isHighSurrogate(text.charAt(text.length() - 1))) {
      text = text.substring(0, text.length() - 1) + "x";
    }
    return text.isBlank() ? "x" + text : text;
  }

  static Stream<Long> seeds() {
    return LongStream.rangeClosed(1, 200).boxed();
  }

  private static boolean sameActor(String a, String b) {
    return io.cemkit.journey.internal.MermaidText.actor(a).equals(io.cemkit.journey.internal.MermaidText.actor(b));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  @DisplayName("seeded random hostile names: Mermaid's lexer reads every title, section and task back, scores 0–5")
  void hostileNames(long seed) {
    Random random = new Random(seed);
    int stageCount = 1 + random.nextInt(3);
    List<Stage> stages = new ArrayList<>();
    List<MapTouchpoint> touchpoints = new ArrayList<>();
    List<Emotion> custom = new ArrayList<>();
    for (int s = 0; s < stageCount; s++) {
      JourneyStage id = JourneyStage.of("s" + s);
      stages.add(Stage.of(id, hostile(random, 100)));
      for (int t = 0; t <= random.nextInt(4); t++) {
        String emotion = "c" + s + "-" + t;
        custom.add(Emotion.of(emotion, random.nextDouble() * 2 - 1));
        ImmutableMapTouchpoint.Builder tp = MapTouchpoint.builder().id(Touchpoint.of("t" + s + "-" + t)).stage(id)
            .name(hostile(random, 200)).channel(Channel.values()[random.nextInt(Channel.values().length)])
            .emotion(random.nextBoolean() ? emotion : Emotion.named().get(random.nextInt(8)).name());
        if (random.nextInt(4) == 0) {
          tp.controlled(false);
        } else {
          tp.owner(hostile(random, 100));
        }
        touchpoints.add(tp.build());
      }
    }
    JourneyMap map = JourneyMap.builder().title(hostile(random, 200))
        .persona(Persona.of(hostile(random, 100), hostile(random, 500))).stages(stages).addAllTouchpoints(touchpoints)
        .addAllCustomEmotions(custom).build();

    String text = MermaidRenderer.render(map);
    List<String> sections = new ArrayList<>();
    List<Task> tasks = parse(text, sections);

    assertThat(sections).hasSize(stageCount);
    assertThat(tasks).hasSize(touchpoints.size());
    List<MapTouchpoint> order = map.journeyOrder();
    for (int i = 0; i < tasks.size(); i++) {
      Task task = tasks.get(i);
      assertThat(task.score()).isEqualTo(map.emotionAt(order.get(i)).mermaidScore()).isBetween(0, 5);
      // The owner joins the persona unless it is the same actor once sanitised.
      String persona = task.actors().get(0);
      int actors = order.get(i).owner().map(o -> sameActor(o, map.persona().name()) ? 1 : 2).orElse(1);
      assertThat(task.actors()).as("actors of '%s'", task.name()).hasSize(actors).doesNotContain("");
      assertThat(persona).isNotBlank();
    }
    String title = text.lines().filter(l -> l.startsWith("  title ")).findFirst().orElseThrow();
    Stream.concat(Stream.concat(sections.stream(), tasks.stream().map(Task::name)), Stream.of(title.substring(8)))
        .forEach(name -> assertThat(name).doesNotContain(":", "#", ";", "%%", "<", ">", "\n", "\r", "\t")
            .isNotBlank().isEqualTo(name.strip()));
    assertThat(MermaidRenderer.render(map)).as("deterministic").isEqualTo(text);
  }
}
