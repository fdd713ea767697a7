package layers;

import dev.kinit.KaimingInit;
import dev.kinit.Nonlinearity;
import dev.kinit.XavierInit;

/** One layer class for every activation: the gain is read from the instance. */
public class Activated {
  final Nonlinearity activation;
  private final double slope;

  @KaimingInit(nonlinearityField = "activation", slopeField = "slope")
  final float[][] weight;

  @XavierInit(nonlinearityField = "activation")
  final float[][] gate;

  @KaimingInit(nonlinearity = Nonlinearity.LEAKY_RELU, slopeField = "slope")
  final float[][] leaky;

  public Activated(int in, int out, Nonlinearity activation, double slope) {
    this.activation = activation;
    this.slope = slope;
    weight = new float[out][in];
    gate = new float[out][in];
    leaky = new float[out][in];
  }

  public double getSlope() {
    return slope;
  }
}
