package dev.kinit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a weight array for Xavier (Glorot) initialisation ({@link Xavier}): PyTorch's {@code
 * xavier_normal_} and {@code xavier_uniform_}, Keras' {@code glorot_*}.
 *
 * <pre>
 *   std   = gain · sqrt(2 / (fan_in + fan_out))      bound = sqrt(3) · std
 *   NORMAL:  w ~ N(0, std²)        UNIFORM: w ~ U(-bound, bound)
 * </pre>
 *
 * <p>Glorot and Bengio, "Understanding the difficulty of training deep feedforward neural
 * networks", AISTATS 2010: the compromise between keeping activations and gradients stable, for
 * symmetric activations such as {@code tanh}. The gain is {@link #gain()}, or that of a {@link
 * #nonlinearity()} (and its slope {@link #a()}), or read per instance ({@link
 * #nonlinearityField()}); at most one of the three.
 *
 * <pre>{@code
 * @XavierInit(nonlinearity = TANH) final float[][] weight = new float[64][128];
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
// On fields; the other targets only so that a misplaced annotation is reported (see KaimingInit).
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.TYPE, ElementType.LOCAL_VARIABLE})
public @interface XavierInit {

  /**
   * {@return normal ({@code xavier_normal_}) or uniform ({@code xavier_uniform_}, the default, as
   * Glorot)}
   */
  Distribution distribution() default Distribution.UNIFORM;

  /** {@return the gain, finite and positive; 1 unless a nonlinearity gives it} */
  double gain() default 1.0;

  /** {@return the nonlinearity whose gain to use instead of {@link #gain()}} */
  Nonlinearity nonlinearity() default Nonlinearity.LINEAR;

  /** {@return the negative slope of a leaky ReLU nonlinearity; see {@link KaimingInit#a()}} */
  double a() default 0.0;

  /**
   * {@return a {@link Nonlinearity} member read per instance instead; see {@link
   * KaimingInit#nonlinearityField()}}
   */
  String nonlinearityField() default "";

  /**
   * {@return a {@code double} member with the slope, read per instance; see {@link
   * KaimingInit#slopeField()}}
   */
  String slopeField() default "";

  /** {@return how the weight's dimensions are ordered, which decides its fans} */
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
