package dev.kinit.samples.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The loss and the optimiser. */
class TrainingPiecesTest {

  @Test
  void crossEntropyOfEqualLogitsIsLogOfTheClassCount() {
    SoftmaxCrossEntropy.Result r =
        SoftmaxCrossEntropy.of(new float[][] {{0, 0, 0, 0}, {5, 5, 5, 5}}, new int[] {1, 3});
    assertEquals(Math.log(4), r.loss(), 1e-12);
    // dz = (softmax - onehot) / batch = (1/4 - [k == label]) / 2
    assertArrayEquals(new float[] {0.125f, -0.375f, 0.125f, 0.125f}, r.gradient()[0]);
    assertEquals(0, r.correct()); // ties go to class 0
  }

  @Test
  void crossEntropyDoesNotOverflowOnLargeLogits() {
    SoftmaxCrossEntropy.Result r = SoftmaxCrossEntropy.of(new float[][] {{1000, 0}}, new int[] {1});
    assertEquals(1000, r.loss(), 1e-9); // -log softmax = log(1 + e^1000) - 0 ≈ 1000
    assertEquals(0, r.correct());
  }

  @Test
  void crossEntropyGradientMatchesCentralDifferences() {
    float[][] z = {{0.3f, -1.2f, 2.0f}, {0.0f, 0.5f, -0.5f}};
    int[] labels = {2, 0};
    float[][] analytic = SoftmaxCrossEntropy.of(z, labels).gradient();
    double h = 1e-3;
    for (int b = 0; b < 2; b++) {
      for (int k = 0; k < 3; k++) {
        float original = z[b][k];
        z[b][k] = (float) (original + h);
        double plus = SoftmaxCrossEntropy.of(z, labels).loss();
        z[b][k] = (float) (original - h);
        double minus = SoftmaxCrossEntropy.of(z, labels).loss();
        z[b][k] = original;
        // smooth: truncation error O(h²) ≈ 1e-6, float rounding of z ≈ 1e-7 / h = 1e-4
        assertEquals((plus - minus) / (2 * h), analytic[b][k], 1e-3);
      }
    }
  }

  @Test
  void crossEntropyRejectsALabelOutOfRange() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> SoftmaxCrossEntropy.of(new float[][] {{1, 2}}, new int[] {2}));
    assertEquals("labels[0] = 2; expected a class in [0, 2)", e.getMessage());
  }

  @Test
  void sgdWithMomentumFollowsPyTorchsUpdate() {
    float[] w = {1};
    float[] g = {0.5f};
    Parameter p = new Parameter(w, g);
    Sgd sgd = new Sgd(0.1f, 0.9f);
    sgd.step(List.of(p)); // v = 0.5; w = 1 - 0.05
    assertEquals(0.95f, w[0], 1e-7);
    assertEquals(0, g[0]);
    g[0] = 1;
    sgd.step(List.of(p)); // v = 0.9 * 0.5 + 1 = 1.45; w = 0.95 - 0.145
    assertEquals(0.805f, w[0], 1e-6);
  }

  @Test
  void sgdRejectsBadSettings() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new Sgd(0.1f, 1f));
    assertEquals("momentum 1.0; expected 0 <= momentum < 1", e.getMessage());
  }
}
