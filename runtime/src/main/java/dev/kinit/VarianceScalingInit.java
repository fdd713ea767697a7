package dev.kinit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a weight array for Keras' {@code VarianceScaling} ({@link VarianceScaling}): samples of
 * variance {@code scale / n}, with {@code n} the fan {@link #mode()} selects. Keras' presets are
 * settings of it:
 *
 * <table>
 *   <caption>Keras presets</caption>
 *   <tr><th>Keras</th><th>scale</th><th>mode</th><th>distribution</th></tr>
 *   <tr><td>{@code he_normal}</td><td>2</td><td>FAN_IN</td><td>TRUNCATED_NORMAL</td></tr>
 *   <tr><td>{@code he_uniform}</td><td>2</td><td>FAN_IN</td><td>UNIFORM</td></tr>
 *   <tr><td>{@code lecun_normal}</td><td>1</td><td>FAN_IN</td><td>TRUNCATED_NORMAL</td></tr>
 *   <tr><td>{@code lecun_uniform}</td><td>1</td><td>FAN_IN</td><td>UNIFORM</td></tr>
 *   <tr><td>{@code glorot_normal}</td><td>1</td><td>FAN_AVG</td><td>TRUNCATED_NORMAL</td></tr>
 *   <tr><td>{@code glorot_uniform}</td><td>1</td><td>FAN_AVG</td><td>UNIFORM</td></tr>
 * </table>
 *
 * <pre>{@code
 * @VarianceScalingInit(scale = 2, layout = KERAS) final float[][] kernel = new float[784][128];
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
// On fields; the other targets only so that a misplaced annotation is reported (see KaimingInit).
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.TYPE, ElementType.LOCAL_VARIABLE})
public @interface VarianceScalingInit {

  /** {@return the scale of the variance, finite and positive} */
  double scale() default 1.0;

  /** {@return the fan to divide by} */
  ScalingMode mode() default ScalingMode.FAN_IN;

  /** {@return the distribution to sample} */
  ScalingDistribution distribution() default ScalingDistribution.TRUNCATED_NORMAL;

  /** {@return how the weight's dimensions are ordered: PyTorch's by default, or Keras'} */
  WeightLayout layout() default WeightLayout.TORCH;

  /**
   * {@return the shape of a flat {@code float[]} / {@code double[]} field, as constants, outermost
   * first; see {@link KaimingInit#shape()}}
   */
  int[] shape() default {};

  /**
   * {@return the shape of a flat field, as names of {@code int} members read when the initializer
   * runs; see {@link KaimingInit#shapeFields()}}
   */
  String[] shapeFields() default {};
}
