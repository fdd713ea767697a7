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
