package dev.kinit.samples.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * The forward and backward passes of every hand-written layer, Java and Kotlin: backward against
 * numerical gradients ({@link GradientCheck}), forward against values worked out by hand.
 */
class LayerGradientTest {

  private static <T extends Layer> T initialized(T layer) {
    layer.initialize(new SplittableRandom(7));
    // Non-zero biases, so that their gradients and their place in the forward pass are checked.
    for (Parameter p : layer.parameters()) {
      if (p.values().length > 0 && isBias(layer, p)) {
        for (int i = 0; i < p.values().length; i++) {
          p.values()[i] = 0.1f * (i % 3 - 1);
        }
      }
    }
    return layer;
  }

  /** The last parameter of these layers is a bias (see Affine.parameters). */
  private static boolean isBias(Layer layer, Parameter p) {
    List<Parameter> all = layer.parameters();
    return p == all.get(all.size() - 1);
  }

  @Test
  void linear() {
    GradientCheck.check(initialized(new Linear(7, 5)), GradientCheck.input(3, 7, 1), 100, 2);
  }

  @Test
  void linearForwardIsWeightTimesInputPlusBias() {
    Linear linear = new Linear(2, 2);
    System.arraycopy(new float[] {1, 2}, 0, linear.weight[0], 0, 2);
    System.arraycopy(new float[] {-3, 0.5f}, 0, linear.weight[1], 0, 2);
    linear.bias[0] = 0.25f;
    linear.bias[1] = -1;
    float[][] y = linear.forward(new float[][] {{2, 3}});
    assertArrayEquals(new float[] {1 * 2 + 2 * 3 + 0.25f, -3 * 2 + 0.5f * 3 - 1}, y[0]);
  }

  @Test
  void conv2d() {
    GradientCheck.check(
        initialized(new Conv2d(new Image(2, 5, 6), 3, 3)),
        GradientCheck.input(2, 2 * 5 * 6, 3),
        100,
        4);
  }

  @Test
  void conv2dForwardOnAKnownImage() {
    Conv2d conv = new Conv2d(new Image(1, 3, 3), 1, 2);
    float[][] kernel = {{1, 0}, {0, -1}}; // x[r][c] - x[r+1][c+1]
    System.arraycopy(kernel[0], 0, conv.weight[0][0][0], 0, 2);
    System.arraycopy(kernel[1], 0, conv.weight[0][0][1], 0, 2);
    conv.bias[0] = 10;
    float[][] y = conv.forward(new float[][] {{1, 2, 3, 4, 5, 6, 7, 8, 9}});
    assertArrayEquals(new float[] {1 - 5 + 10, 2 - 6 + 10, 4 - 8 + 10, 5 - 9 + 10}, y[0]);
  }

  @Test
  void relu() {
    GradientCheck.check(new Relu(), GradientCheck.input(3, 10, 5), 0, 6);
  }

  @Test
  void leakyRelu() {
    Relu leaky = new Relu(0.1f);
    GradientCheck.check(leaky, GradientCheck.input(3, 10, 7), 0, 8);
    assertArrayEquals(new float[] {2, -0.3f, 0}, leaky.forward(new float[][] {{2, -3, 0}})[0]);
  }

  @Test
  void maxPool() {
    MaxPool2d pool = new MaxPool2d(new Image(2, 4, 5), 2);
    GradientCheck.check(pool, GradientCheck.input(2, 2 * 4 * 5, 9), 0, 10);
    // 4 x 5 pooled by 2: the last column is dropped.
    float[][] y =
        new MaxPool2d(new Image(1, 2, 3), 2).forward(new float[][] {{1, 5, 99, -2, 3, 99}});
    assertArrayEquals(new float[] {5}, y[0]);
  }

  @Test
  void circularPad() {
    CircularPad2d pad = new CircularPad2d(new Image(2, 3, 4), 1);
    GradientCheck.check(pad, GradientCheck.input(2, 2 * 3 * 4, 11), 0, 12);
    float[][] y = new CircularPad2d(new Image(1, 2, 2), 1).forward(new float[][] {{1, 2, 3, 4}});
    assertArrayEquals(new float[] {4, 3, 4, 3, 2, 1, 2, 1, 4, 3, 4, 3, 2, 1, 2, 1}, y[0]);
  }

  @Test
  void network() {
    List<Layer> layers =
        List.of(
            new Conv2d(new Image(1, 6, 6), 2, 3),
            new Relu(),
            new MaxPool2d(new Image(2, 4, 4), 2),
            new Linear(8, 5),
            new Relu(0.2f),
            new Classifier(5, 3));
    // Any sequence of layers: each initialised by its own generated initializer.
    Network network =
        new Network("small", layers) {
          @Override
          public void initialize(RandomGenerator random) {
            layers.forEach(layer -> layer.initialize(random));
          }
        };
    network.initialize(new SplittableRandom(13));
    GradientCheck.check(network, GradientCheck.input(2, 36, 14), 20, 15);
  }

  @Test
  void classifier() {
    GradientCheck.check(initialized(new Classifier(6, 4)), GradientCheck.input(3, 6, 16), 100, 17);
  }

  @Test
  void leakyLinear() {
    GradientCheck.check(initialized(new LeakyLinear(6, 4)), GradientCheck.input(3, 6, 18), 100, 19);
  }

  @Test
  void flatLinear() {
    GradientCheck.check(initialized(new FlatLinear(6, 4)), GradientCheck.input(3, 6, 20), 100, 21);
  }

  @Test
  void lazyLinear() {
    LazyLinear lazy = new LazyLinear(4);
    lazy.initialize(new SplittableRandom(22));
    float[][] input = GradientCheck.input(3, 6, 23);
    lazy.forward(input); // builds the weight: 6 inputs
    assertEquals(6, lazy.weight[0].length);
    GradientCheck.check(lazy, input, 100, 24);
  }

  @Test
  void residualLinear() {
    GradientCheck.check(initialized(new ResidualLinear(5)), GradientCheck.input(3, 5, 25), 100, 26);
  }

  @Test
  void wrongInputSizeNamesTheExpectedSize() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> new Linear(7, 5).forward(new float[][] {{1, 2}}));
    assertEquals("input[0] has 2 features; expected 7", e.getMessage());
  }
}
