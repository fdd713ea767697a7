package dev.kinit.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kinit.FanMode;
import dev.kinit.Nonlinearity;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExplainTest {

  @Test
  void parsesPyTorchNames() {
    Explain.Configuration c =
        Explain.parse(
            new String[] {
              "--shape",
              "64,3,3,3",
              "--mode",
              "fan_out",
              "--nonlinearity",
              "leaky_relu",
              "--a",
              "0.2"
            });
    assertArrayEquals(new int[] {64, 3, 3, 3}, c.shape());
    assertEquals(FanMode.FAN_OUT, c.mode());
    assertEquals(Nonlinearity.LEAKY_RELU, c.nonlinearity());
    assertEquals(0.2, c.a());
  }

  @Test
  void defaultsArePyTorchs() {
    Explain.Configuration c = Explain.parse(new String[] {"--shape", "3,5"});
    assertEquals(FanMode.FAN_IN, c.mode());
    assertEquals(Nonlinearity.LEAKY_RELU, c.nonlinearity());
    assertEquals(0.0, c.a());
  }

  @Test
  void badArgumentsSayWhatWasExpected() {
    assertEquals(
        "--shape is required, e.g. --shape 64,3,3,3",
        assertThrows(IllegalArgumentException.class, () -> Explain.parse(new String[] {"--a", "1"}))
            .getMessage());
    assertEquals(
        "--shape 3,x is not a list of sizes; expected e.g. 64,3,3,3",
        assertThrows(
                IllegalArgumentException.class,
                () -> Explain.parse(new String[] {"--shape", "3,x"}))
            .getMessage());
    assertEquals(
        "Unsupported nonlinearity gelu",
        assertThrows(
                IllegalArgumentException.class,
                () -> Explain.parse(new String[] {"--shape", "3,5", "--nonlinearity", "gelu"}))
            .getMessage());
    assertEquals(
        "--mode needs a value",
        assertThrows(
                IllegalArgumentException.class,
                () -> Explain.parse(new String[] {"--shape", "3,5", "--mode"}))
            .getMessage());
  }

  /** What {@link Explain#run} printed and returned. */
  private record Outcome(int status, String out, String err) {}

  private static Outcome run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        Explain.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Outcome(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void helpPrintsTheUsageAndSucceeds() {
    for (String[] args :
        List.of(
            new String[] {"--help"},
            new String[] {"-h"},
            new String[] {"--shape", "3,5", "--help"},
            new String[] {"--mode", "--help"})) {
      Outcome outcome = run(args);
      assertEquals(0, outcome.status(), String.join(" ", args));
      assertEquals("", outcome.err(), String.join(" ", args));
      assertTrue(outcome.out().startsWith("usage: explain [--shape SIZES"), outcome.out());
      for (String option :
          List.of("--shape", "--mode", "--nonlinearity", "--a", "--network", "--help")) {
        assertTrue(outcome.out().contains("\n  " + option + " "), option + " in " + outcome.out());
      }
    }
  }

  @Test
  void anUnknownOptionIsOneLineOfErrorAndTheSynopsis() {
    for (String[] args :
        List.of(new String[] {"--verbose"}, new String[] {"--shape", "3,5", "--seed", "1"})) {
      Outcome outcome = run(args);
      assertEquals(2, outcome.status());
      assertEquals("", outcome.out());
      assertEquals(
          List.of(
              "explain: unknown option "
                  + args[args.length - (args.length == 1 ? 1 : 2)]
                  + "; expected --shape, --mode, --nonlinearity, --a, --network or --help",
              "usage: explain [--shape SIZES [--mode MODE] [--nonlinearity NAME] [--a SLOPE]]"
                  + " [--network NAME] [--help]"),
          outcome.err().lines().toList());
    }
  }

  @Test
  void aBadValueIsAnErrorWithStatusTwo() {
    Outcome outcome = run("--shape", "3,5", "--a", "steep");
    assertEquals(2, outcome.status());
    assertEquals("explain: --a steep is not a number", outcome.err().lines().findFirst().get());
  }

  @Test
  void withoutArgumentsPrintsTheCommonLayers() {
    Outcome outcome = run();
    assertEquals(0, outcome.status());
    assertEquals(1 + Explain.COMMON_LAYERS.size(), outcome.out().lines().count(), outcome.out());
  }

  @Test
  void printsFansGainStdAndBound() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Explain.print(
        List.of(
            new Explain.Configuration(
                "conv", new int[] {64, 3, 3, 3}, FanMode.FAN_OUT, Nonlinearity.RELU, 0)),
        new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String row = bytes.toString(StandardCharsets.UTF_8).lines().toList().get(1);
    // fan_out = 64 * 3 * 3 = 576; gain = sqrt(2), PyTorch's calculate_gain('relu');
    // std = sqrt(2) / sqrt(576) = 0.058926; bound = sqrt(3) * std
    assertTrue(
        row.matches(
            "conv\\s+\\[64, 3, 3, 3\\]\\s+fan_out\\s+relu\\s+0\\.0\\s+27\\s+576\\s+"
                + "1\\.414214 = calculate_gain\\('relu'\\)\\s+0\\.058926\\s+0\\.102062"),
        row);
  }

  /**
   * {@code --network} prints the tree as PyTorch's {@code print(model)} nests it, each parameter
   * with its shape, its last initialisation with its numbers, and its fill number, then a summary.
   */
  @Test
  void aNetworkIsDescribedParameterByParameter() {
    Outcome outcome = run("--network", "gpt-mini");
    assertEquals(0, outcome.status(), outcome.err());
    List<String> lines = outcome.out().lines().toList();
    assertEquals("GptMini", lines.get(0));
    assertEquals("  transformer: Transformer", lines.get(1));
    assertEquals("    wte: Embedding", lines.get(2));
    // Initialised three times (construction: wte, lm_head; apply: wte, lm_head): the last decides.
    assertEquals(
        "      weight [65, 48]  normal_(mean=0.0, std=0.02); fill 29 (after 3 earlier)",
        lines.get(3));
    assertTrue(
        lines.contains(
            "            weight [48, 48]  normal_(mean=0.0, std=0.01); fill 30 (after 2 earlier)"),
        outcome.out());
    assertTrue(
        lines.contains("    weight [65, 48]  tied to transformer.wte.weight"), outcome.out());
    // 65·48 + 32·48 + 2 blocks · 28,800 + 96 = 61,296 in 2 + 2·12 + 2 tensors (PyTorch's count).
    // Steps: 29 constructions (lm_head has no bias), 19 of apply (4 Linears of 2 per block,
    // lm_head's weight, the 2 embeddings), 4 c_proj.weight. Draws: 19 constructions (embeddings,
    // Linear weights and biases), 11 of apply (no zeros), 4 c_proj.
    assertEquals(
        "61,296 parameters in 28 tensors; 52 steps, 34 of which draw from the generator (fills 0"
            + " to 33)",
        lines.get(lines.size() - 1));
  }

  @Test
  void aConvolutionsNumbersAreItsFansAndStd() {
    Outcome outcome = run("--network", "resnet18");
    assertEquals(0, outcome.status(), outcome.err());
    // kaiming_normal_(mode="fan_out", nonlinearity="relu") on [64, 3, 7, 7]: fan_out 64·49 = 3136,
    // std sqrt(2) / sqrt(3136) = 0.025253813613805; PyTorch's Conv2d default drew first.
    assertTrue(
        outcome
            .out()
            .contains(
                "  conv1: Conv2d\n    weight [64, 3, 7, 7]  kaiming_normal_(mode='fan_out',"
                    + " gain=1.4142135623730951): fan_out 3136, std 0.02525381361380527; fill 22"
                    + " (after 1 earlier)\n"),
        outcome.out());
    // 20 convolutions (no bias), 20 batch norms, fc: 62 construction steps, of which the 20
    // convolutions and fc's 2 draw (fills 0 to 21); the scheme's 60 steps, of which the 20
    // convolutions draw (22 to 41).
    List<String> lines = outcome.out().lines().toList();
    assertEquals(
        "11,689,512 parameters in 62 tensors; 122 steps, 42 of which draw from the generator"
            + " (fills 0 to 41)",
        lines.get(lines.size() - 1));
  }

  @Test
  void anUnknownNetworkIsAnErrorListingTheKnownOnes() {
    Outcome outcome = run("--network", "alexnet");
    assertEquals(2, outcome.status());
    assertTrue(
        outcome.err().startsWith("explain: unknown network alexnet; expected one of resnet18,"),
        outcome.err());
    Outcome mixed = run("--network", "resnet18", "--shape", "3,5");
    assertEquals(2, mixed.status());
    assertTrue(
        mixed
            .err()
            .startsWith(
                "explain: --network takes a name and no other option; expected --network NAME"
                    + " alone"),
        mixed.err());
  }

  @Test
  void theGainIsShownAsThePyTorchCallThatGivesIt() {
    assertEquals(
        "calculate_gain('leaky_relu', 0.2)",
        Explain.calculateGain(
            new Explain.Configuration(
                "w", new int[] {3, 5}, FanMode.FAN_IN, Nonlinearity.LEAKY_RELU, 0.2)));
    assertEquals(
        "calculate_gain('leaky_relu', 0.0)",
        Explain.calculateGain(
            new Explain.Configuration(
                "w", new int[] {3, 5}, FanMode.FAN_IN, Nonlinearity.LEAKY_RELU, 0)));
    assertEquals(
        "calculate_gain('tanh')",
        Explain.calculateGain(
            new Explain.Configuration(
                "w", new int[] {3, 5}, FanMode.FAN_IN, Nonlinearity.TANH, 0)));
  }
}
