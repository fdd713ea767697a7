package layers;

import static dev.kinit.Nonlinearity.RELU;

import dev.kinit.KaimingInit;

/** A fully connected layer: 2-D weight [out][in]. */
public class Linear {
  @KaimingInit(nonlinearity = RELU)
  final float[][] weight;

  public Linear(int in, int out) {
    weight = new float[out][in];
  }
}
