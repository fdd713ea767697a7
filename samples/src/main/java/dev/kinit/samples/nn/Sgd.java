package dev.kinit.samples.nn;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stochastic gradient descent with momentum, as PyTorch's {@code optim.SGD(lr, momentum)}:
 *
 * <pre>
 *   v ← momentum · v + g        w ← w - lr · v
 * </pre>
 *
 * <p>with {@code v = g} at the first step. Clears the gradients after each step. The learning rate
 * can change between steps (a schedule); the velocities carry over.
 */
public final class Sgd {

  private final float momentum;
  private float learningRate;

  /** The velocity of each parameter, by identity of its values array. */
  private final Map<float[], float[]> velocities = new IdentityHashMap<>();

  /**
   * @throws IllegalArgumentException unless {@code learningRate > 0} and {@code 0 <= momentum < 1}
   */
  public Sgd(float learningRate, float momentum) {
    if (!(momentum >= 0 && momentum < 1)) {
      throw new IllegalArgumentException("momentum " + momentum + "; expected 0 <= momentum < 1");
    }
    this.momentum = momentum;
    setLearningRate(learningRate);
  }

  /**
   * Sets the step size of the next steps.
   *
   * @throws IllegalArgumentException unless {@code learningRate} is finite and positive
   */
  public void setLearningRate(float learningRate) {
    if (!(learningRate > 0 && Float.isFinite(learningRate))) {
      throw new IllegalArgumentException(
          "learningRate " + learningRate + "; expected a finite number > 0");
    }
    this.learningRate = learningRate;
  }

  /** Updates every parameter from its gradient, then sets the gradient to 0. */
  public void step(List<Parameter> parameters) {
    for (Parameter p : parameters) {
      float[] w = p.values();
      float[] g = p.gradient();
      float[] v = velocities.get(w);
      if (v == null) {
        v = g.clone();
        velocities.put(w, v);
      } else {
        for (int i = 0; i < v.length; i++) {
          v[i] = momentum * v[i] + g[i];
        }
      }
      for (int i = 0; i < w.length; i++) {
        w[i] -= learningRate * v[i];
      }
      Arrays.fill(g, 0);
    }
  }
}
