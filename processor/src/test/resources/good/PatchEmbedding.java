package layers;

import dev.kinit.ConstantInit;
import dev.kinit.OnesInit;
import dev.kinit.TruncatedNormalInit;
import dev.kinit.ZerosInit;

/** A vision transformer's patch embedding and norm: truncated normal weights, ones and zeros. */
public class PatchEmbedding {
  @TruncatedNormalInit(std = 0.02, a = -0.04, b = 0.04)
  final float[][][][] projection = new float[64][3][4][4];

  @ZerosInit final float[] projectionBias = new float[64];

  @OnesInit final float[] normWeight = new float[64];

  @ZerosInit final float[] normBias = new float[64];

  @ConstantInit(0.1)
  final float[] layerScale = new float[64];
}
