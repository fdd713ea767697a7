package dev.kinit.samples.nn;

import dev.kinit.FloatTensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Layers applied one after the other (PyTorch's {@code nn.Sequential}): the forward pass runs them
 * in order, the backward pass in reverse order.
 */
public final class Network implements Layer {

  private final String name;
  private final List<Layer> layers;

  /**
   * A network called {@code name} (in tables and plots) made of {@code layers}.
   *
   * @throws IllegalArgumentException if there are no layers
   */
  public Network(String name, List<? extends Layer> layers) {
    this.name = Objects.requireNonNull(name, "name");
    this.layers = List.copyOf(layers);
    if (this.layers.isEmpty()) {
      throw new IllegalArgumentException(
          "network " + name + " has no layers; expected one or more");
    }
  }

  /** The name given at construction. */
  public String name() {
    return name;
  }

  /** The layers, in forward order. */
  public List<Layer> layers() {
    return layers;
  }

  @Override
  public float[][] forward(float[][] input) {
    float[][] x = input;
    for (Layer layer : layers) {
      x = layer.forward(x);
    }
    return x;
  }

  @Override
  public float[][] backward(float[][] outputGradient) {
    float[][] g = outputGradient;
    for (int l = layers.size() - 1; l >= 0; l--) {
      g = layers.get(l).backward(g);
    }
    return g;
  }

  /** Initialises every layer in order from the one generator: the same seed gives the same net. */
  @Override
  public void initialize(RandomGenerator random) {
    for (Layer layer : layers) {
      layer.initialize(random);
    }
  }

  @Override
  public List<Parameter> parameters() {
    List<Parameter> all = new ArrayList<>();
    layers.forEach(layer -> all.addAll(layer.parameters()));
    return all;
  }

  @Override
  public List<FloatTensor> weights() {
    List<FloatTensor> all = new ArrayList<>();
    layers.forEach(layer -> all.addAll(layer.weights()));
    return all;
  }

  @Override
  public String toString() {
    return name + layers;
  }
}
