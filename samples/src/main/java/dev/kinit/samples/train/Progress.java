package dev.kinit.samples.train;

import java.io.PrintStream;
import java.util.Locale;

/** Reports training as it goes: epoch, batch and the running loss. */
public interface Progress {

  /**
   * Called after each mini-batch.
   *
   * @param run what is being trained, e.g. {@code "plain-30 kaiming"}
   * @param loss the mean loss of the epoch's batches so far
   */
  void batch(String run, int epoch, int epochs, int batch, int batches, double loss);

  /** Called after each epoch, with its result. */
  void epoch(String run, int epochs, EpochResult result);

  /** Reports nothing: for tests. */
  static Progress silent() {
    return new Progress() {
      @Override
      public void batch(String run, int epoch, int epochs, int batch, int batches, double loss) {}

      @Override
      public void epoch(String run, int epochs, EpochResult result) {}
    };
  }

  /**
   * Prints to {@code out}: on a terminal, one line rewritten in place (at most 10 times a second);
   * in a log, a line every 2 seconds. Each epoch ends with a line of its results.
   */
  static Progress console(PrintStream out, boolean terminal) {
    return new Progress() {
      private final long intervalNanos = terminal ? 100_000_000L : 2_000_000_000L;
      private long last = System.nanoTime();

      @Override
      public void batch(String run, int epoch, int epochs, int batch, int batches, double loss) {
        long now = System.nanoTime();
        if (now - last < intervalNanos) {
          return;
        }
        last = now;
        String line =
            String.format(
                Locale.ROOT,
                "  %-22s epoch %d/%d  batch %4d/%d  loss %.4f",
                run,
                epoch,
                epochs,
                batch,
                batches,
                loss);
        if (terminal) {
          out.print("\r" + line);
        } else {
          out.println(line);
        }
        out.flush();
      }

      @Override
      public void epoch(String run, int epochs, EpochResult r) {
        out.printf(
            Locale.ROOT,
            "%s  %-22s epoch %d/%d  train loss %.4f acc %5.1f%%  test loss %.4f acc %5.1f%%"
                + "  (%.1f s)%n",
            terminal ? "\r" : "",
            run,
            r.epoch(),
            epochs,
            r.trainLoss(),
            100 * r.trainAccuracy(),
            r.testLoss(),
            100 * r.testAccuracy(),
            r.seconds());
        out.flush();
      }
    };
  }
}
