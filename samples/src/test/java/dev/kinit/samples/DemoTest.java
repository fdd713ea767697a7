package dev.kinit.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kinit.samples.train.Progress;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoTest {

  @TempDir Path out;

  @Test
  void defaultsAreTheEmbeddedData() {
    Demo.Options options = Demo.Options.parse();
    assertEquals("synthetic", options.data());
    assertEquals(3000, options.trainSize());
    assertEquals(Path.of("target", "plots"), options.out());
  }

  @Test
  void fashionMnistDefaultsToTheWholeSet() {
    Demo.Options options = Demo.Options.parse("--data", "fashion-mnist", "--data-dir", "/data");
    assertEquals(60_000, options.trainSize());
    assertEquals(Path.of("/data"), options.dataDirectory());
  }

  @Test
  void badOptionsSayWhatWasExpected() {
    assertEquals(
        "--data mnist; expected synthetic or fashion-mnist",
        assertThrows(IllegalArgumentException.class, () -> Demo.Options.parse("--data", "mnist"))
            .getMessage());
    assertEquals(
        "--epochs 0; expected a positive integer",
        assertThrows(IllegalArgumentException.class, () -> Demo.Options.parse("--epochs", "0"))
            .getMessage());
    assertEquals(
        "--out needs a value",
        assertThrows(IllegalArgumentException.class, () -> Demo.Options.parse("--out"))
            .getMessage());
  }

  @Test
  void missingFashionMnistFailsBeforeTheExperiments() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    UncheckedIOException e =
        assertThrows(
            UncheckedIOException.class,
            () ->
                Demo.run(
                    Demo.Options.parse("--data", "fashion-mnist", "--data-dir", out.toString()),
                    new PrintStream(bytes, true, StandardCharsets.UTF_8),
                    Progress.silent()));
    assertTrue(e.getMessage().contains("apt-get install dataset-fashion-mnist"), e.getMessage());
    assertEquals("", bytes.toString(StandardCharsets.UTF_8));
  }

  /** The whole demo on a small training set: the tables, the training and the three plots. */
  @Test
  void runsEndToEndAndWritesTheThreePlots() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Demo.run(
        Demo.Options.parse(
            "--train-size",
            "300",
            "--test-size",
            "100",
            "--epochs",
            "1",
            "--deep-epochs",
            "1",
            "--out",
            out.toString()),
        new PrintStream(bytes, true, StandardCharsets.UTF_8),
        Progress.silent());
    String text = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("30-layer ReLU MLP:"), text);
    assertTrue(text.contains("20-layer ReLU conv stack:"), text);
    assertTrue(text.contains("lenet: test accuracy"), text);
    for (String plot :
        new String[] {"variance.png", "variance-log.png", "training-synthetic.png"}) {
      assertTrue(text.contains(out.resolve(plot).toAbsolutePath().toString()), text);
      BufferedImage image = ImageIO.read(out.resolve(plot).toFile());
      assertTrue(image.getWidth() >= 1000 && image.getHeight() >= 400, plot);
    }
  }
}
