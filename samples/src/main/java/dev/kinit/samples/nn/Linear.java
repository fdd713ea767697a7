package dev.kinit.samples.nn;

import static dev.kinit.Nonlinearity.RELU;

import dev.kinit.FloatTensor;
import dev.kinit.KaimingInit;
import dev.kinit.ZerosInit;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A fully connected layer {@code y = W x + b} followed by a ReLU: Kaiming normal, fan_in, gain
 * {@code sqrt(2)}, so that the ReLU's output keeps the variance of this layer's input (He et al.
 * 2015, eq. 10). Open for subclasses that add weights of their own ({@code ResidualLinear}).
 */
public class Linear implements Layer {

  /** {@code [out][in]}, as PyTorch's {@code nn.Linear.weight}: fan_in = in. */
  @KaimingInit(nonlinearity = RELU)
  protected final float[][] weight;

  /** {@code [out]}, initialised to 0 (He et al. 2015 set biases to 0). */
  @ZerosInit protected final float[] bias;

  private final Affine affine;

  /** A layer from {@code inFeatures} to {@code outFeatures}; call {@link #initialize} next. */
  public Linear(int inFeatures, int outFeatures) {
    weight = new float[outFeatures][inFeatures];
    bias = new float[outFeatures];
    affine = new Affine(weight, bias);
  }

  @Override
  public float[][] forward(float[][] input) {
    return affine.forward(input);
  }

  @Override
  public float[][] backward(float[][] outputGradient) {
    return affine.backward(outputGradient);
  }

  @Override
  public void initialize(RandomGenerator random) {
    LinearInitializer.initialize(this, random);
  }

  @Override
  public List<Parameter> parameters() {
    return affine.parameters();
  }

  @Override
  public List<FloatTensor> weights() {
    return List.of(FloatTensor.of("Linear.weight", weight));
  }

  @Override
  public String toString() {
    return "Linear(" + affine.inFeatures() + " -> " + affine.outFeatures() + ")";
  }
}
