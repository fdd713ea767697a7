package dev.kinit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a weight array for Kaiming (He) initialisation. The kinit annotation processor checks the
 * configuration at compile time and generates an initializer for the enclosing class that fills the
 * field with {@link Kaiming#normal} or {@link Kaiming#uniform}:
 *
 * <pre>
 *   std   = gain(nonlinearity, a) / sqrt(fan)      fan = fan_in or fan_out of the weight's shape
 *   NORMAL:  w ~ N(0, std²)        UNIFORM: w ~ U(-sqrt(3)·std, sqrt(3)·std)
 * </pre>
 *
 * <p>He, Zhang, Ren and Sun, "Delving Deep into Rectifiers", ICCV 2015. The defaults are PyTorch's
 * ({@code mode='fan_in'}, {@code nonlinearity='leaky_relu'}, {@code a=0}), which give the ReLU gain
 * {@code sqrt(2)}.
 *
 * <pre>{@code
 * @KaimingInit(mode = FAN_OUT, nonlinearity = RELU)
 * final float[][][][] weight = new float[64][3][3][3];   // [out][in][kh][kw]
 * }</pre>
 *
 * <p>Retained in class files (so a subclass compiled later still sees it) and placed on fields (so
 * a Kotlin property's annotation lands on its backing field). On a method, a class or a local
 * variable it is a compile error ({@code [kinit.not-a-field]}).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
// Fields are the one valid place. Methods, classes and local variables are allowed only so that the
// processor can report the mistake at the declaration while still generating every valid class's
// initializer: a target javac rejects stops it before annotation processing, and every use of a
// generated initializer then fails as well. (Not parameters: Kotlin would then put the annotation
// of a constructor property on the parameter rather than on its field.)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.TYPE, ElementType.LOCAL_VARIABLE})
public @interface KaimingInit {

  /**
   * {@return which fan to divide by: {@code FAN_IN} preserves activations, {@code FAN_OUT}
   * gradients}
   */
  FanMode mode() default FanMode.FAN_IN;

  /** {@return the nonlinearity that follows the layer; it sets the gain} */
  Nonlinearity nonlinearity() default Nonlinearity.LEAKY_RELU;

  /**
   * {@return the negative slope of a leaky ReLU; only {@link Nonlinearity#LEAKY_RELU} uses it}
   * Finite.
   */
  double a() default 0.0;

  /** {@return normal ({@code kaiming_normal_}) or uniform ({@code kaiming_uniform_})} */
  Distribution distribution() default Distribution.NORMAL;

  /**
   * {@return the name of a {@link Nonlinearity} member of the layer (a field, or a property in
   * Kotlin), read when the initializer runs, to use instead of {@link #nonlinearity()}: one layer
   * class for every activation} Checked at compile time to exist, be readable and have that type.
   */
  String nonlinearityField() default "";

  /**
   * {@return the name of a {@code double} member of the layer with the negative slope, read when
   * the initializer runs, to use instead of {@link #a()}}
   */
  String slopeField() default "";

  /**
   * {@return how the weight's dimensions are ordered, which decides its fans: PyTorch's by default}
   */
  WeightLayout layout() default WeightLayout.TORCH;

  /**
   * {@return the shape of a flat {@code float[]} / {@code double[]} field, as constants, outermost
   * first: {@code shape = {6, 20}} for a {@code Linear(20, 6)} weight} At least two sizes (the fan
   * rule needs an output and an input size). Nested arrays read their shape from the arrays and
   * take neither this nor {@link #shapeFields()}.
   */
  int[] shape() default {};

  /**
   * {@return the shape of a flat {@code float[]} / {@code double[]} field, as the names of {@code
   * int} fields of the same class, read when the initializer runs: {@code shapeFields = {"out",
   * "in"}}} The alternative to {@link #shape()} when sizes are only known per instance.
   */
  String[] shapeFields() default {};
}
