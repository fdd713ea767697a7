package dev.kinit.samples.data;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Fashion-MNIST (Xiao, Rasul and Vollgraf 2017): 60,000 training and 10,000 test images of 1 × 28 ×
 * 28 greyscale pixels in 10 classes of clothing, read from the four gzipped IDX files that Debian's
 * {@code dataset-fashion-mnist} package installs in {@link #DEFAULT_DIRECTORY}.
 *
 * <p>IDX format (LeCun et al., MNIST): a big-endian header, the magic number {@code 0x00000803} for
 * images or {@code 0x00000801} for labels, then each dimension's size as an {@code int}, then the
 * unsigned bytes. Pixels are scaled to [0, 1] and standardised with the training set's mean and
 * std.
 */
public final class FashionMnist {

  /** Where {@code apt-get install dataset-fashion-mnist} puts the files. */
  public static final Path DEFAULT_DIRECTORY = Path.of("/usr/share/datasets/fashion-mnist");

  static final int IMAGES_MAGIC = 0x00000803;
  static final int LABELS_MAGIC = 0x00000801;
  private static final int CLASSES = 10;

  private FashionMnist() {}

  /**
   * Reads the training and test sets from {@code directory}.
   *
   * @throws UncheckedIOException if a file is missing (saying how to install it), unreadable or not
   *     in IDX format
   */
  public static Dataset.Split load(Path directory) {
    return Dataset.standardize(
        read(directory, "train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz"),
        read(directory, "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"));
  }

  /** Whether the four files are in {@code directory}. */
  public static boolean isInstalled(Path directory) {
    for (String file :
        new String[] {
          "train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
          "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"
        }) {
      if (!Files.isRegularFile(directory.resolve(file))) {
        return false;
      }
    }
    return true;
  }

  static Dataset read(Path directory, String imagesFile, String labelsFile) {
    Path images = directory.resolve(imagesFile);
    Path labels = directory.resolve(labelsFile);
    try (DataInputStream imageIn = open(images);
        DataInputStream labelIn = open(labels)) {
      int[] imageShape = header(imageIn, IMAGES_MAGIC, 3, images);
      int[] labelShape = header(labelIn, LABELS_MAGIC, 1, labels);
      if (imageShape[0] != labelShape[0]) {
        throw new IOException(
            String.format(
                "%s has %d images but %s has %d labels; expected the same number",
                images, imageShape[0], labels, labelShape[0]));
      }
      int count = imageShape[0];
      int height = imageShape[1];
      int width = imageShape[2];
      if ((long) count * height * width > Integer.MAX_VALUE) {
        throw new IOException(
            String.format(
                "%s has %d images of %dx%d in its header; expected fewer than 2^31 pixels",
                images, count, height, width));
      }
      byte[] pixels = new byte[height * width];
      float[][] data = new float[count][height * width];
      int[] classes = new int[count];
      for (int n = 0; n < count; n++) {
        imageIn.readFully(pixels);
        for (int i = 0; i < pixels.length; i++) {
          data[n][i] = (pixels[i] & 0xff) / 255f;
        }
        classes[n] = labelIn.readUnsignedByte();
        if (classes[n] >= CLASSES) {
          throw new IOException(
              labels + ": label " + n + " is " + classes[n] + "; expected 0 to " + (CLASSES - 1));
        }
      }
      return new Dataset("fashion-mnist", data, classes, CLASSES, 1, height, width);
    } catch (NoSuchFileException e) {
      throw new UncheckedIOException(
          String.format(
              "Fashion-MNIST file %s not found; install it with `apt-get install"
                  + " dataset-fashion-mnist` or give the directory of the four .gz IDX files",
              e.getFile()),
          e);
    } catch (EOFException e) {
      throw new UncheckedIOException(
          images + " or " + labels + " ends before the sizes in its header say", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
  }

  private static DataInputStream open(Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    try {
      return new DataInputStream(new GZIPInputStream(in, 1 << 16));
    } catch (IOException e) {
      in.close();
      throw new IOException(file + " is not a gzip file: " + e.getMessage(), e);
    }
  }

  /** Reads the magic number and the sizes; returns the sizes. */
  private static int[] header(DataInputStream in, int magic, int dimensions, Path file)
      throws IOException {
    int actual = in.readInt();
    if (actual != magic) {
      throw new IOException(
          String.format(
              "%s starts with 0x%08x; expected the IDX magic number 0x%08x", file, actual, magic));
    }
    int[] sizes = new int[dimensions];
    for (int d = 0; d < dimensions; d++) {
      sizes[d] = in.readInt();
      if (sizes[d] < 0) {
        throw new IOException(file + " has size " + sizes[d] + " in its header; expected >= 0");
      }
    }
    return sizes;
  }
}
