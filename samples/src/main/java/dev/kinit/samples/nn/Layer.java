package dev.kinit.samples.nn;

import dev.kinit.FloatTensor;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * One step of a network, with its forward and backward pass written by hand.
 *
 * <p>A batch is a {@code float[batch][features]}: row {@code b} holds sample {@code b}'s features,
 * an image's {@code [channels][height][width]} flattened in row-major order. {@link #forward} keeps
 * what {@link #backward} needs, so the two are called in pairs, one batch at a time.
 */
public interface Layer {

  /** The output for {@code input}; remembers what the backward pass needs. */
  float[][] forward(float[][] input);

  /**
   * Back-propagates {@code outputGradient} (dLoss/dOutput of the last {@link #forward}): adds
   * dLoss/dParameter to the parameters' gradients and returns dLoss/dInput.
   */
  float[][] backward(float[][] outputGradient);

  /**
   * Sets the parameters to their initial values, through the initializer generated for the layer's
   * class: Kaiming for the {@code @KaimingInit} weights, zero for the {@code @ZerosInit} biases (He
   * et al. 2015 set biases to 0). A layer without parameters has nothing to do.
   */
  default void initialize(RandomGenerator random) {}

  /** The trainable parameters with their gradients; empty for a layer without parameters. */
  default List<Parameter> parameters() {
    return List.of();
  }

  /**
   * The weight tensors (not the biases), for experiments that fill them with another scheme than
   * the layer's {@code @KaimingInit}.
   */
  default List<FloatTensor> weights() {
    return List.of();
  }
}
