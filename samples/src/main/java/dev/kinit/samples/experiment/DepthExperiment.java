package dev.kinit.samples.experiment;

import dev.kinit.samples.data.Dataset;
import dev.kinit.samples.nn.Network;
import dev.kinit.samples.nn.Networks;
import dev.kinit.samples.train.EpochResult;
import dev.kinit.samples.train.Progress;
import dev.kinit.samples.train.Trainer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * He et al. 2015, Fig. 3: a 30-layer plain ReLU network learns when initialised with Kaiming's rule
 * and does not move when initialised with Xavier's. Both runs train the same {@link Networks#plain}
 * network from the same seed, with the same data order and SGD settings; only the weights' initial
 * scale differs:
 *
 * <ul>
 *   <li>Kaiming: the network's generated initializers ({@code @KaimingInit}: fan_in, gain {@code
 *       sqrt(2)} for the hidden layers, 1 for the classifier);
 *   <li>Xavier: every weight refilled from {@code N(0, 2 / (fan_in + fan_out))}.
 * </ul>
 *
 * <p>With Xavier, each ReLU layer halves the variance of the signal going up and of the gradient
 * coming down, so after 30 layers the logits are about {@code 2^-15} of their Kaiming size and so
 * are the weight gradients: SGD barely moves.
 */
public final class DepthExperiment {

  /** The depth He et al. train in Fig. 3. */
  public static final int DEPTH = 30;

  /** The width of the hidden layers. */
  public static final int WIDTH = 64;

  /** How many training samples measure the initialised network (epoch 0). */
  static final int INITIAL_SAMPLES = 10_000;

  /**
   * The training history of one initialisation.
   *
   * @param epochs epoch 0 (the initialised network, before any step: its training loss and accuracy
   *     measured on up to {@value #INITIAL_SAMPLES} training samples), then one result per epoch
   */
  public record Run(WeightInit scheme, List<EpochResult> epochs) {

    /** The last epoch's result. */
    public EpochResult last() {
      return epochs.get(epochs.size() - 1);
    }
  }

  private DepthExperiment() {}

  /**
   * The SGD settings of both runs: batch 32, learning rate 0.002, momentum 0.9 (at 0.01 the Kaiming
   * network diverges on Fashion-MNIST).
   */
  public static Trainer.Settings settings(int epochs) {
    return new Trainer.Settings(epochs, 32, 0.002f, 0.9f);
  }

  /**
   * Trains the {@value #DEPTH}-layer plain network on {@code data} once with {@code scheme}, which
   * is {@link WeightInit#KAIMING_FAN_IN} (the generated initializers) or a baseline.
   */
  public static Run train(
      Dataset.Split data,
      WeightInit scheme,
      Trainer.Settings settings,
      long seed,
      Progress progress) {
    Dataset train = data.train();
    Network network = Networks.plain(DEPTH, train.features(), WIDTH, train.classes());
    SplittableRandom random = new SplittableRandom(seed);
    SplittableRandom weights = random.split();
    network.initialize(weights);
    if (scheme != WeightInit.KAIMING_FAN_IN) {
      network.weights().forEach(weight -> scheme.fill(weight, 1, weights));
    }
    Trainer.Evaluation train0 = Trainer.evaluate(network, train.first(INITIAL_SAMPLES));
    Trainer.Evaluation test0 = Trainer.evaluate(network, data.test());
    List<EpochResult> epochs = new ArrayList<>();
    epochs.add(
        new EpochResult(0, train0.loss(), train0.accuracy(), test0.loss(), test0.accuracy(), 0));
    String run = network.name() + " " + scheme.label();
    epochs.addAll(Trainer.train(run, network, data, settings, random.split(), progress));
    return new Run(scheme, List.copyOf(epochs));
  }
}
