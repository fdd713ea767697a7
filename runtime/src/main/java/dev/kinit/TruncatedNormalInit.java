package dev.kinit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an array for {@code N(mean, std²)} truncated to {@code [a, b]}: PyTorch's {@code
 * trunc_normal_} ({@link Normal#truncated}), as vision transformers initialise their weights
 * ({@code std = 0.02}). Values outside {@code [a, b]} are redrawn, in effect: the samples follow
 * the normal distribution conditioned on the interval.
 *
 * <pre>{@code
 * @TruncatedNormalInit(std = 0.02) final float[][] weight = new float[768][768];
 * }</pre>
 *
 * <p>The interval is in absolute values, not in standard deviations (as in PyTorch): {@code std =
 * 0.02, a = -2, b = 2} hardly truncates. It must hold some probability: {@code a < b}, and not so
 * far in a tail that the normal's distribution function rounds to the same value at both ends.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
// On fields; the other targets only so that a misplaced annotation is reported (see KaimingInit).
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.TYPE, ElementType.LOCAL_VARIABLE})
public @interface TruncatedNormalInit {

  /** {@return the mean, finite} */
  double mean() default 0.0;

  /** {@return the standard deviation before truncation, finite and positive} */
  double std() default 1.0;

  /** {@return the lower end of the interval, finite} */
  double a() default -2.0;

  /** {@return the upper end of the interval, finite and above {@link #a()}} */
  double b() default 2.0;

  /**
   * {@return the shape of a flat {@code float[]} / {@code double[]} field, as constants, outermost
   * first} Optional: this initializer needs no fan, so a flat field without a shape is one
   * dimension, its length; nested arrays read their shape from the arrays.
   */
  int[] shape() default {};

  /** {@return the shape of a flat field, as names of {@code int} members; see {@link #shape()}} */
  String[] shapeFields() default {};
}
