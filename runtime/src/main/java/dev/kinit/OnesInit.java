package dev.kinit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an array to be filled with ones: PyTorch's {@code ones_} ({@link Constant#ones}), for the
 * scale of a normalisation layer. Draws nothing from the generator.
 *
 * <pre>{@code
 * @OnesInit final float[] gamma = new float[64];
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
// On fields; the other targets only so that a misplaced annotation is reported (see KaimingInit).
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.TYPE, ElementType.LOCAL_VARIABLE})
public @interface OnesInit {

  /**
   * {@return the shape of a flat {@code float[]} / {@code double[]} field, as constants, outermost
   * first} Optional: this initializer needs no fan, so a flat field without a shape is one
   * dimension, its length; nested arrays read their shape from the arrays.
   */
  int[] shape() default {};

  /** {@return the shape of a flat field, as names of {@code int} members; see {@link #shape()}} */
  String[] shapeFields() default {};
}
