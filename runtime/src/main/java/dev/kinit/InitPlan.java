package dev.kinit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The initialisation of a layer's parameters, each one checked before any is written: what a
 * generated initializer builds ({@code LinearInitializer.plan(layer)}) and runs ({@code
 * LinearInitializer.initialize(layer, random)}, which is {@code plan(layer).run(random)}). A plan
 * can also describe itself, one line per parameter:
 *
 * <pre>{@code
 * System.out.print(LinearInitializer.plan(layer).describe());
 * // weight [6, 20]  kaiming_normal_(mode='fan_in', gain=1.4142135623730951): fan_in 20, std 0.316…  draw 0
 * // bias [6]        uniform_(-1/sqrt(fan_in), 1/sqrt(fan_in)), fan_in of Linear.weight: …        draw 1
 * }</pre>
 *
 * <p>Steps run in the order they were added, from one generator. The draw number of a step is how
 * many steps before it draw from the generator: with a {@code BlockSampler}, step {@code k} is fill
 * number {@code sampler.fills() + draw} of the sampler the plan runs on, so that a worker can fill
 * any slice of it alone.
 */
public final class InitPlan {

  /**
   * One parameter of the plan.
   *
   * @param name its name in the layer, the field's: {@code weight}
   * @param tensor the view of its array, checked
   * @param init how it is initialised
   */
  public record Step(String name, Tensor tensor, Init init) {
    public Step {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(tensor, "tensor");
      Objects.requireNonNull(init, "init");
    }
  }

  private final List<Step> steps;

  private InitPlan(List<Step> steps) {
    this.steps = List.copyOf(steps);
  }

  /** An empty plan to add steps to. */
  public static Builder builder() {
    return new Builder();
  }

  /** Collects the steps of a plan, then checks them all. */
  public static final class Builder {
    private final List<Step> steps = new ArrayList<>();

    private Builder() {}

    /**
     * Adds the parameter {@code name}, viewed as {@code tensor}, initialised by {@code init}.
     *
     * @return {@code tensor}, for the steps that depend on it (a bias on its weight)
     */
    public <T extends Tensor> T add(String name, T tensor, Init init) {
      steps.add(new Step(name, tensor, init));
      return tensor;
    }

    /**
     * The plan, once every step is checked ({@link Init#check}), in order.
     *
     * @throws IllegalArgumentException from the first step that cannot run; nothing is written
     */
    public InitPlan build() {
      for (Step step : steps) {
        step.init().check(step.tensor());
      }
      return new InitPlan(steps);
    }
  }

  /** The steps, in the order they run. */
  public List<Step> steps() {
    return steps;
  }

  /** Fills every parameter, in order, from {@code random}. */
  public void run(RandomGenerator random) {
    Objects.requireNonNull(random, "random");
    for (Step step : steps) {
      step.init().fill(step.tensor(), random);
    }
  }

  /**
   * One line per step: its name, shape, what initialises it ({@link Init#describe}) and its draw
   * number, or {@code -} for a step that draws nothing.
   */
  public String describe() {
    StringBuilder text = new StringBuilder();
    int draw = 0;
    for (Step step : steps) {
      boolean draws = step.init().draws(step.tensor());
      text.append(step.name())
          .append(' ')
          .append(Arrays.toString(step.tensor().shape()))
          .append("  ")
          .append(step.init().describe(step.tensor()))
          .append("  ")
          .append(draws ? "draw " + draw : "draws nothing")
          .append('\n');
      draw += draws ? 1 : 0;
    }
    return text.toString();
  }
}
