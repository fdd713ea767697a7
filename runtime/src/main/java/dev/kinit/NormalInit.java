package dev.kinit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an array for {@code N(mean, std²)}: PyTorch's {@code normal_} ({@link Normal#fill}), as
 * GPT-2 and nanoGPT initialise linear weights and embeddings ({@code std = 0.02}).
 *
 * <pre>{@code
 * @NormalInit(std = 0.02) final float[][] wte = new float[vocabulary][width];
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
// On fields; the other targets only so that a misplaced annotation is reported (see KaimingInit).
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.TYPE, ElementType.LOCAL_VARIABLE})
public @interface NormalInit {

  /** {@return the mean, finite} */
  double mean() default 0.0;

  /** {@return the standard deviation, finite and positive} */
  double std() default 1.0;

  /**
   * {@return the shape of a flat {@code float[]} / {@code double[]} field, as constants, outermost
   * first} Optional: this initializer needs no fan, so a flat field without a shape is one
   * dimension, its length; nested arrays read their shape from the arrays.
   */
  int[] shape() default {};

  /** {@return the shape of a flat field, as names of {@code int} members; see {@link #shape()}} */
  String[] shapeFields() default {};
}
