package dev.kinit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an array for {@code U(from, to)}: PyTorch's {@code uniform_} ({@link Uniform#fill}).
 *
 * <pre>{@code
 * @UniformInit(from = -0.1, to = 0.1) final float[][] embedding = new float[1000][64];
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
// On fields; the other targets only so that a misplaced annotation is reported (see KaimingInit).
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.TYPE, ElementType.LOCAL_VARIABLE})
public @interface UniformInit {

  /** {@return the lower end, finite and below {@link #to()}} */
  double from() default 0.0;

  /** {@return the upper end, finite} */
  double to() default 1.0;

  /**
   * {@return the shape of a flat {@code float[]} / {@code double[]} field, as constants, outermost
   * first} Optional: this initializer needs no fan, so a flat field without a shape is one
   * dimension, its length; nested arrays read their shape from the arrays.
   */
  int[] shape() default {};

  /** {@return the shape of a flat field, as names of {@code int} members; see {@link #shape()}} */
  String[] shapeFields() default {};
}
