package dev.kinit.torch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The block transform of the AVX2 kernels, whose loops C2 vectorizes, against the lane-by-lane
 * transcription of PyTorch's vector code ({@link AvxMathFunLanes}): on every input. A uniform has
 * 2^24 values; every one of them goes through the logarithm (as u_j) and through sine and cosine
 * (as u_{j+8}).
 */
class BoxMullerTest {

  private static final float TWO_PI = (float) (2.0 * Math.PI);

  @Test
  void avx2BlocksAreTheLaneByLaneKernelForEveryUniform() {
    float mean = 0.25f;
    float std = 1.5f;
    int pairs = Kernels.FloatNormals.MAX_BLOCKS * 8;
    int[] words = new int[2 * pairs];
    float[] values = new float[2 * pairs];
    Kernels.FloatNormals normals = CpuCapability.AVX2.kernels().floatNormals();
    long mismatches = 0;
    String first = "";
    for (int base = 0; base < 1 << 24; base += pairs) {
      for (int pair = 0; pair < pairs; pair++) {
        int cosine = Kernels.FloatNormals.cosineIndex(0, pair);
        words[cosine] = base + pair; // u_j = (base + pair) · 2^-24
        words[cosine + 8] = 0xff000000 | base + pair; // the same u_{j+8}; the top bits unused
      }
      normals.transform(words, values, 0, values.length, mean, std);
      for (int pair = 0; pair < pairs; pair++) {
        int cosine = Kernels.FloatNormals.cosineIndex(0, pair);
        float u = (base + pair) * 0x1p-24f;
        float radius = (float) Math.sqrt(-2f * AvxMathFunLanes.log(1f - u));
        float cos = Math.fma(radius * AvxMathFunLanes.cos(TWO_PI * u), std, mean);
        float sin = Math.fma(radius * AvxMathFunLanes.sin(TWO_PI * u), std, mean);
        if (Float.floatToRawIntBits(cos) != Float.floatToRawIntBits(values[cosine])
            || Float.floatToRawIntBits(sin) != Float.floatToRawIntBits(values[cosine + 8])) {
          if (mismatches++ == 0) {
            first =
                "u = "
                    + u
                    + ": "
                    + cos
                    + ", "
                    + sin
                    + " expected, "
                    + values[cosine]
                    + ", "
                    + values[cosine + 8]
                    + " made";
          }
        }
      }
    }
    assertEquals(0, mismatches, first);
  }

  @Test
  void blocksFromAnOffsetAreTransformedOnTheirOwn() {
    int[] words = new int[80];
    for (int i = 0; i < words.length; i++) {
      words[i] = i * 0x9e3779b9;
    }
    for (CpuCapability capability : CpuCapability.values()) {
      Kernels.FloatNormals normals = capability.kernels().floatNormals();
      float[] whole = new float[80];
      normals.transform(words, whole, 16, 64, 0, 1);
      for (int block = 16; block < 80; block += 16) {
        float[] one = new float[80];
        normals.transform(words, one, block, 16, 0, 1);
        for (int i = block; i < block + 16; i++) {
          assertEquals(Float.floatToRawIntBits(one[i]), Float.floatToRawIntBits(whole[i]));
        }
      }
      for (int i = 0; i < 16; i++) {
        assertEquals(0f, whole[i], "nothing written before the offset");
      }
    }
  }
}
