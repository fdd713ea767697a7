package dev.kinit.samples.train;

import dev.kinit.samples.data.Dataset;
import dev.kinit.samples.nn.Network;
import dev.kinit.samples.nn.Sgd;
import dev.kinit.samples.nn.SoftmaxCrossEntropy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Mini-batch SGD on the cross-entropy loss: each epoch visits the training set in a new random
 * order, one batch at a time (forward, loss, backward, SGD step), then measures the test set.
 *
 * <p>The learning rate follows a cosine from its initial value towards 0 over the epochs, one value
 * per epoch: {@code lr_e = lr · (1 + cos(π (e - 1) / epochs)) / 2} (Loshchilov and Hutter 2017,
 * PyTorch's {@code CosineAnnealingLR}), which settles the last epochs of a deep plain network.
 */
public final class Trainer {

  private static final int EVALUATION_BATCH = 500;

  /**
   * How to train.
   *
   * @param epochs passes over the training set
   * @param batchSize samples per SGD step
   * @param learningRate SGD's step size
   * @param momentum SGD's momentum, 0 for plain SGD
   */
  public record Settings(int epochs, int batchSize, float learningRate, float momentum) {
    /**
     * @throws IllegalArgumentException if {@code epochs} or {@code batchSize} is not positive
     */
    public Settings {
      if (epochs < 1 || batchSize < 1) {
        throw new IllegalArgumentException(
            "epochs " + epochs + ", batchSize " + batchSize + "; expected both >= 1");
      }
    }
  }

  /** Loss and accuracy of a network on a data set. */
  public record Evaluation(double loss, double accuracy) {}

  private Trainer() {}

  /**
   * Trains the (already initialised) {@code network} on {@code data.train()}, evaluating on {@code
   * data.test()} after each epoch. Stops early if the loss stops being finite (the training
   * diverged); the results then end with that epoch.
   *
   * @param run the name shown by {@code progress}
   * @param shuffle the source of the order of the samples
   */
  public static List<EpochResult> train(
      String run,
      Network network,
      Dataset.Split data,
      Settings settings,
      RandomGenerator shuffle,
      Progress progress) {
    Dataset train = data.train();
    Sgd sgd = new Sgd(settings.learningRate(), settings.momentum());
    int batches = (train.size() + settings.batchSize() - 1) / settings.batchSize();
    List<EpochResult> results = new ArrayList<>();
    for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
      long start = System.nanoTime();
      sgd.setLearningRate(
          (float)
              (settings.learningRate()
                  * (1 + Math.cos(Math.PI * (epoch - 1) / settings.epochs()))
                  / 2));
      int[] order = permutation(train.size(), shuffle);
      double lossSum = 0;
      int correct = 0;
      for (int batch = 0; batch < batches; batch++) {
        int from = batch * settings.batchSize();
        int[] indices =
            Arrays.copyOfRange(order, from, Math.min(from + settings.batchSize(), order.length));
        SoftmaxCrossEntropy.Result result =
            SoftmaxCrossEntropy.of(network.forward(rows(train, indices)), labels(train, indices));
        network.backward(result.gradient());
        sgd.step(network.parameters());
        lossSum += result.loss() * indices.length;
        correct += result.correct();
        progress.batch(
            run,
            epoch,
            settings.epochs(),
            batch + 1,
            batches,
            lossSum / Math.min(from + settings.batchSize(), order.length));
      }
      Evaluation test = evaluate(network, data.test());
      EpochResult result =
          new EpochResult(
              epoch,
              lossSum / train.size(),
              (double) correct / train.size(),
              test.loss(),
              test.accuracy(),
              (System.nanoTime() - start) / 1e9);
      results.add(result);
      progress.epoch(run, settings.epochs(), result);
      if (!Double.isFinite(result.trainLoss())) {
        break;
      }
    }
    return results;
  }

  /** The mean loss and the accuracy of {@code network} on {@code data}. */
  public static Evaluation evaluate(Network network, Dataset data) {
    double lossSum = 0;
    int correct = 0;
    for (int from = 0; from < data.size(); from += EVALUATION_BATCH) {
      int to = Math.min(from + EVALUATION_BATCH, data.size());
      int[] indices = new int[to - from];
      for (int i = 0; i < indices.length; i++) {
        indices[i] = from + i;
      }
      SoftmaxCrossEntropy.Result result =
          SoftmaxCrossEntropy.of(network.forward(rows(data, indices)), labels(data, indices));
      lossSum += result.loss() * indices.length;
      correct += result.correct();
    }
    return new Evaluation(lossSum / data.size(), (double) correct / data.size());
  }

  /** A uniformly random order of {@code 0 .. n-1} (Fisher–Yates). */
  private static int[] permutation(int n, RandomGenerator random) {
    int[] order = new int[n];
    Arrays.setAll(order, i -> i);
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    return order;
  }

  private static float[][] rows(Dataset data, int[] indices) {
    float[][] rows = new float[indices.length][];
    for (int i = 0; i < indices.length; i++) {
      rows[i] = data.images()[indices[i]];
    }
    return rows;
  }

  private static int[] labels(Dataset data, int[] indices) {
    int[] labels = new int[indices.length];
    for (int i = 0; i < indices.length; i++) {
      labels[i] = data.labels()[indices[i]];
    }
    return labels;
  }
}
