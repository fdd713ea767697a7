package dev.kinit.samples.nn;

import dev.kinit.FloatTensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Layers applied one after the other (PyTorch's {@code nn.Sequential}): the forward pass runs them
 * in order, the backward pass in reverse order.
 *
 * <p>Each network of the samples is a subclass that is a {@link dev.kinit.Network}: its fields hold
 * its layers, as a PyTorch module's attributes hold its submodules, and it hands them to this class
 * in forward order (with the layers that have no parameters, the ReLUs and poolings, which are not
 * its members). Its {@link #initialize} is one call of its generated initializer, which initialises
 * every layer in declaration order from the one generator.
 */
public abstract class Network implements Layer {

  private final String name;
  private final List<Layer> layers;

  /**
   * A network called {@code name} (in tables and plots) made of {@code layers}, in forward order.
   *
   * @throws IllegalArgumentException if there are no layers
   */
  protected Network(String name, List<? extends Layer> layers) {
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

  /**
   * Initialises every layer in declaration order from the one generator, through the network's
   * generated initializer: the same seed gives the same network.
   */
  @Override
  public abstract void initialize(RandomGenerator random);

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
