package dev.kinit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a 3-, 4- or 5-D convolution weight {@code [out][in][k…]} to be the Dirac delta: PyTorch's
 * {@code dirac_} ({@link Identity#dirac}), which makes the convolution pass its input channels
 * through (the centre of each kernel 1, in as many channels as possible, per group). Draws nothing
 * from the generator.
 *
 * <pre>{@code
 * @DiracInit final float[][][][] weight = new float[64][64][3][3];
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
// On fields; the other targets only so that a misplaced annotation is reported (see KaimingInit).
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.TYPE, ElementType.LOCAL_VARIABLE})
public @interface DiracInit {

  /** {@return the number of groups of the convolution; {@code out} must be a multiple of it} */
  int groups() default 1;

  /** {@return the shape of a flat field, 3 to 5 constants; see {@link KaimingInit#shape()}} */
  int[] shape() default {};

  /** {@return the shape of a flat field, as names of 3 to 5 {@code int} members} */
  String[] shapeFields() default {};
}
