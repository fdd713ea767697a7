package dev.kinit.samples.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The IDX reader, on small files written here, and on the installed data set when present. */
class FashionMnistTest {

  @TempDir Path directory;

  private void write(String file, int magic, int[] sizes, byte[] data) throws IOException {
    try (DataOutputStream out =
        new DataOutputStream(
            new GZIPOutputStream(Files.newOutputStream(directory.resolve(file))))) {
      out.writeInt(magic);
      for (int size : sizes) {
        out.writeInt(size);
      }
      out.write(data);
    }
  }

  /** The message of the error reading images.gz and labels.gz. */
  private String readError() {
    return assertThrows(
            UncheckedIOException.class,
            () -> FashionMnist.read(directory, "images.gz", "labels.gz"))
        .getMessage();
  }

  @Test
  void readsImagesAndLabelsScaledToOne() throws IOException {
    write(
        "images.gz",
        FashionMnist.IMAGES_MAGIC,
        new int[] {2, 2, 3},
        new byte[] {0, 51, 102, (byte) 153, (byte) 204, (byte) 255, 1, 2, 3, 4, 5, 6});
    write("labels.gz", FashionMnist.LABELS_MAGIC, new int[] {2}, new byte[] {9, 0});
    Dataset data = FashionMnist.read(directory, "images.gz", "labels.gz");
    assertEquals(2, data.size());
    assertEquals(2, data.height());
    assertEquals(3, data.width());
    assertArrayEquals(new float[] {0, 0.2f, 0.4f, 0.6f, 0.8f, 1}, data.images()[0], 1e-7f);
    assertArrayEquals(new int[] {9, 0}, data.labels());
  }

  @Test
  void wrongMagicNumberIsNamed() throws IOException {
    write("images.gz", FashionMnist.LABELS_MAGIC, new int[] {1, 1, 1}, new byte[] {0});
    write("labels.gz", FashionMnist.LABELS_MAGIC, new int[] {1}, new byte[] {0});
    String message = readError();
    assertEquals(
        directory.resolve("images.gz")
            + " starts with 0x00000801; expected the IDX magic number 0x00000803",
        message);
  }

  @Test
  void absurdHeaderSizesAreRejectedBeforeAllocating() throws IOException {
    write("images.gz", FashionMnist.IMAGES_MAGIC, new int[] {100_000, 1000, 1000}, new byte[0]);
    write("labels.gz", FashionMnist.LABELS_MAGIC, new int[] {100_000}, new byte[0]);
    String message = readError();
    assertEquals(
        directory.resolve("images.gz")
            + " has 100000 images of 1000x1000 in its header; expected fewer than 2^31 pixels",
        message);
  }

  @Test
  void truncatedFileSaysSo() throws IOException {
    write("images.gz", FashionMnist.IMAGES_MAGIC, new int[] {2, 2, 2}, new byte[] {1, 2, 3});
    write("labels.gz", FashionMnist.LABELS_MAGIC, new int[] {2}, new byte[] {0, 1});
    String message = readError();
    assertTrue(message.endsWith("ends before the sizes in its header say"), message);
  }

  @Test
  void missingDataSetSaysHowToInstallIt() {
    assertFalse(FashionMnist.isInstalled(directory));
    UncheckedIOException e =
        assertThrows(UncheckedIOException.class, () -> FashionMnist.load(directory));
    assertTrue(e.getMessage().contains("apt-get install dataset-fashion-mnist"), e.getMessage());
  }

  /** Skipped unless {@code apt-get install dataset-fashion-mnist} has been run. */
  @Test
  void installedDataSetHasTheDocumentedSizes() {
    assumeTrue(FashionMnist.isInstalled(FashionMnist.DEFAULT_DIRECTORY));
    Dataset.Split split = FashionMnist.load(FashionMnist.DEFAULT_DIRECTORY);
    assertEquals(60_000, split.train().size());
    assertEquals(10_000, split.test().size());
    assertEquals(28 * 28, split.train().features());
    int[] counts = new int[10];
    for (int label : split.train().labels()) {
      counts[label]++;
    }
    assertArrayEquals(
        new int[] {6000, 6000, 6000, 6000, 6000, 6000, 6000, 6000, 6000, 6000},
        counts); // Xiao et al. 2017: 6,000 training images per class
  }
}
