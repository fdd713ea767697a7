package dev.kinit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a 2-D array to be the identity matrix, ones on the diagonal and zeros elsewhere: PyTorch's
 * {@code eye_} ({@link Identity#eye}), which makes a linear layer pass its input through (the first
 * {@code min(out, in)} features). Draws nothing from the generator.
 *
 * <pre>{@code
 * @EyeInit final float[][] weight = new float[64][64];
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
// On fields; the other targets only so that a misplaced annotation is reported (see KaimingInit).
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.TYPE, ElementType.LOCAL_VARIABLE})
public @interface EyeInit {

  /** {@return the shape of a flat field, exactly two constants; see {@link KaimingInit#shape()}} */
  int[] shape() default {};

  /** {@return the shape of a flat field, as names of two {@code int} members} */
  String[] shapeFields() default {};
}
