package layers;

import dev.kinit.KaimingInit;

/** A 3-D convolution: 5-D weight [out][in][kd][kh][kw], PyTorch's defaults. */
public class Conv3d {
  @KaimingInit
  float[][][][][] weight;

  public Conv3d(int in, int out, int k) {
    weight = new float[out][in][k][k][k];
  }
}
