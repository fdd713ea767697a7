package dev.kinit.samples.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * Fully connected layers, each followed by a ReLU, and a classifier or nothing after them: {@code
 * Linear → ReLU → … → Linear → ReLU [→ Classifier]}, the plain networks of He et al. 2015 (Fig. 3)
 * and the MLP of the variance experiment.
 */
@dev.kinit.Network
public final class PlainNet extends Network {

  /** The hidden layers, {@code hidden.0}, {@code hidden.1}, …, each followed by a ReLU. */
  public final List<Linear> hidden;

  /** The classifier after the last ReLU, or {@code null} for none. */
  public final @Nullable Classifier head;

  /**
   * A network called {@code name} of {@code hidden} (each followed by a ReLU) and then {@code head}
   * if not null.
   */
  public PlainNet(String name, List<Linear> hidden, @Nullable Classifier head) {
    super(name, layers(hidden, head));
    this.hidden = List.copyOf(hidden);
    this.head = head;
  }

  private static List<Layer> layers(List<Linear> hidden, @Nullable Classifier head) {
    List<Layer> layers = new ArrayList<>();
    for (Linear linear : hidden) {
      layers.add(linear);
      layers.add(new Relu());
    }
    if (head != null) {
      layers.add(head);
    }
    return layers;
  }

  @Override
  public void initialize(RandomGenerator random) {
    PlainNetInitializer.initialize(this, random);
  }
}
