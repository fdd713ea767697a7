package layers;

import static dev.kinit.Nonlinearity.LEAKY_RELU;

import dev.kinit.KaimingInit;

/** A 2-D convolution: 4-D weight [out][in][kh][kw] behind a getter, followed by a leaky ReLU. */
public class Conv2d {
  @KaimingInit(nonlinearity = LEAKY_RELU, a = 0.2)
  private final float[][][][] weight;

  public Conv2d(int in, int out, int kh, int kw) {
    weight = new float[out][in][kh][kw];
  }

  public float[][][][] getWeight() {
    return weight;
  }
}
