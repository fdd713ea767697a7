package dev.kinit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an array of at least 2 dimensions to be a (semi-)orthogonal matrix times a gain: PyTorch's
 * {@code orthogonal_} ({@link Orthogonal#fill}), for recurrent weights. Saxe, McClelland and
 * Ganguli, "Exact solutions to the nonlinear dynamics of learning in deep linear neural networks",
 * ICLR 2014. The array, seen as {@code [shape[0]][rest]}, gets orthonormal rows or columns
 * (whichever are fewer), from the QR decomposition of a standard normal matrix.
 *
 * <pre>{@code
 * @OrthogonalInit final float[][] recurrent = new float[256][256];
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
// On fields; the other targets only so that a misplaced annotation is reported (see KaimingInit).
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.TYPE, ElementType.LOCAL_VARIABLE})
public @interface OrthogonalInit {

  /** {@return the gain, finite and positive} */
  double gain() default 1.0;

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
