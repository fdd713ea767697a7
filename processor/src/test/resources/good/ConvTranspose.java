package layers;

import dev.kinit.TorchDefaultInit;

/** nn.ConvTranspose2d(16, 8, 3): weight [in][out][kh][kw], bias [out]. */
public class ConvTranspose {
  @TorchDefaultInit final float[][][][] weight = new float[16][8][3][3];

  @TorchDefaultInit(biasOf = "weight", transposed = true)
  final float[] bias = new float[8];
}
