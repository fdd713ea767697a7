package dev.kinit.samples.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The arithmetic of a fully connected layer, {@code y = W x + b}, for a weight {@code [out][in]}
 * and a bias {@code [out]} owned by the layer: the layer declares (and annotates) its weight, this
 * class computes with it. Keeps the last input and the accumulated gradients.
 *
 * <pre>
 *   forward:   y[b][o]  = bias[o] + Σ_i W[o][i] · x[b][i]
 *   backward:  dx[b][i] = Σ_o W[o][i] · dy[b][o]
 *              dW[o][i] += Σ_b dy[b][o] · x[b][i],   db[o] += Σ_b dy[b][o]
 * </pre>
 *
 * <p>The loops run over the innermost index of every array they touch, which the JIT vectorises.
 */
public final class Affine {

  private final float[][] weight;
  private final float[] bias;
  private final float[][] weightGradient;
  private final float[] biasGradient;
  private final List<Parameter> parameters;
  private final int inFeatures;

  /** The weight transposed to {@code [in][out]}, refreshed by each forward pass. */
  private final float[][] transposed;

  private float[][] input;

  /**
   * Computes with {@code weight} and {@code bias} in place (they are not copied).
   *
   * @throws IllegalArgumentException if the weight is empty or jagged, or the bias length is not
   *     the number of rows of the weight
   */
  public Affine(float[][] weight, float[] bias) {
    this.weight = Objects.requireNonNull(weight, "weight");
    this.bias = Objects.requireNonNull(bias, "bias");
    if (weight.length == 0 || weight[0].length == 0) {
      throw new IllegalArgumentException("weight is empty; expected [out][in] with out, in > 0");
    }
    inFeatures = weight[0].length;
    for (float[] row : weight) {
      if (row.length != inFeatures) {
        throw new IllegalArgumentException(
            "weight is jagged: rows of " + inFeatures + " and " + row.length + " elements");
      }
    }
    if (bias.length != weight.length) {
      throw new IllegalArgumentException(
          "bias has " + bias.length + " elements; expected " + weight.length + ", one per output");
    }
    weightGradient = new float[weight.length][inFeatures];
    biasGradient = new float[bias.length];
    transposed = new float[inFeatures][weight.length];
    List<Parameter> all = new ArrayList<>(Parameter.rows(weight, weightGradient));
    all.add(new Parameter(bias, biasGradient));
    parameters = Collections.unmodifiableList(all);
  }

  /** The number of input features, {@code in}. */
  public int inFeatures() {
    return inFeatures;
  }

  /** The number of outputs, {@code out}. */
  public int outFeatures() {
    return weight.length;
  }

  /** {@code y = W x + b} for every row of {@code input}. */
  public float[][] forward(float[][] input) {
    Shapes.requireFeatures("input", input, inFeatures);
    this.input = input;
    int out = weight.length;
    for (int o = 0; o < out; o++) {
      float[] row = weight[o];
      for (int i = 0; i < inFeatures; i++) {
        transposed[i][o] = row[i];
      }
    }
    float[][] output = new float[input.length][];
    for (int b = 0; b < input.length; b++) {
      float[] y = bias.clone();
      float[] x = input[b];
      for (int i = 0; i < inFeatures; i++) {
        float xi = x[i];
        if (xi != 0) { // after a ReLU about half the inputs are 0
          float[] column = transposed[i];
          for (int o = 0; o < out; o++) {
            y[o] += xi * column[o];
          }
        }
      }
      output[b] = y;
    }
    return output;
  }

  /** Accumulates dW and db, and returns dx, for the input of the last {@link #forward}. */
  public float[][] backward(float[][] outputGradient) {
    Shapes.requireFeatures("outputGradient", outputGradient, weight.length);
    float[][] inputGradient = new float[outputGradient.length][inFeatures];
    for (int b = 0; b < outputGradient.length; b++) {
      float[] dy = outputGradient[b];
      float[] x = input[b];
      float[] dx = inputGradient[b];
      for (int o = 0; o < dy.length; o++) {
        float g = dy[o];
        if (g == 0) {
          continue;
        }
        biasGradient[o] += g;
        float[] w = weight[o];
        float[] dw = weightGradient[o];
        for (int i = 0; i < inFeatures; i++) {
          dx[i] += g * w[i];
          dw[i] += g * x[i];
        }
      }
    }
    return inputGradient;
  }

  /** The rows of the weight and the bias, with their gradients. */
  public List<Parameter> parameters() {
    return parameters;
  }
}
