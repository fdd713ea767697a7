package dev.kinit.samples.nn;

/**
 * The mean cross-entropy of a softmax over logits, PyTorch's {@code nn.CrossEntropyLoss()}:
 *
 * <pre>
 *   p[b]    = softmax(z[b]),   loss = -(1/B) Σ_b log p[b][label_b]
 *   dz[b][k] = (p[b][k] - [k == label_b]) / B
 * </pre>
 *
 * <p>Computed with the largest logit subtracted first, so that no {@code exp} overflows.
 */
public final class SoftmaxCrossEntropy {
  private SoftmaxCrossEntropy() {}

  /**
   * The loss of a batch, how many of its samples the logits classify right (largest logit), and
   * dLoss/dLogits.
   */
  public record Result(double loss, int correct, float[][] gradient) {}

  /**
   * The loss of {@code logits[b]} for the classes {@code labels[b]}.
   *
   * @throws IllegalArgumentException if the lengths differ or a label is not a class index
   */
  public static Result of(float[][] logits, int[] labels) {
    if (logits.length != labels.length || logits.length == 0) {
      throw new IllegalArgumentException(
          String.format(
              "%d rows of logits and %d labels; expected the same positive number",
              logits.length, labels.length));
    }
    int batch = logits.length;
    double loss = 0;
    int correct = 0;
    float[][] gradient = new float[batch][];
    for (int b = 0; b < batch; b++) {
      float[] z = logits[b];
      int label = labels[b];
      if (label < 0 || label >= z.length) {
        throw new IllegalArgumentException(
            "labels[" + b + "] = " + label + "; expected a class in [0, " + z.length + ")");
      }
      int best = 0;
      for (int k = 1; k < z.length; k++) {
        if (z[k] > z[best]) {
          best = k;
        }
      }
      if (best == label) {
        correct++;
      }
      double max = z[best];
      double sum = 0;
      double[] e = new double[z.length];
      for (int k = 0; k < z.length; k++) {
        e[k] = Math.exp(z[k] - max);
        sum += e[k];
      }
      loss += Math.log(sum) - (z[label] - max);
      float[] dz = new float[z.length];
      for (int k = 0; k < z.length; k++) {
        dz[k] = (float) ((e[k] / sum - (k == label ? 1 : 0)) / batch);
      }
      gradient[b] = dz;
    }
    return new Result(loss / batch, correct, gradient);
  }
}
