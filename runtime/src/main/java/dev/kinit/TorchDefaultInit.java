package dev.kinit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a weight or a bias for PyTorch's default initialisation of {@code nn.Linear} and {@code
 * nn.Conv1d/2d/3d} ({@link LayerDefaults}); the kinit annotation processor generates the calls.
 *
 * <pre>
 *   weight ~ kaiming_uniform_(a = sqrt(5)):
 *            U(-b, b), b = sqrt(3) · sqrt(2 / (1 + 5)) / sqrt(fan_in)
 *   bias   ~ U(-1 / sqrt(fan_in), 1 / sqrt(fan_in)),  fan_in of the weight named by biasOf
 * </pre>
 *
 * <p>With a {@code dev.kinit.torch.TorchGenerator} seeded like {@code torch.manual_seed(seed)}, and
 * the fields declared in the order PyTorch creates them (each weight before its bias), the values
 * are those of the same PyTorch modules:
 *
 * <pre>{@code
 * @TorchDefaultInit final float[][] weight = new float[6][20];        // nn.Linear(20, 6)
 * @TorchDefaultInit(biasOf = "weight") final float[] bias = new float[6];
 * }</pre>
 *
 * <p>Retained in class files and placed on fields, like {@link KaimingInit}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
// Fields are the one valid place. Methods, classes and local variables are allowed only so that the
// processor can report the mistake at the declaration while still generating every valid class's
// initializer: a target javac rejects stops it before annotation processing, and every use of a
// generated initializer then fails as well. (Not parameters: Kotlin would then put the annotation
// of a constructor property on the parameter rather than on its field.)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.TYPE, ElementType.LOCAL_VARIABLE})
public @interface TorchDefaultInit {

  /**
   * {@return on a bias, the name of the weight field (with {@code @TorchDefaultInit} or
   * {@code @KaimingInit}) whose fan_in bounds it} Empty, the default, marks a weight. The weight is
   * laid out {@code [out][in][k…]} and the bias's length must be its {@code out}, as {@link
   * LayerDefaults#bias(Tensor, Tensor, java.util.random.RandomGenerator)} checks.
   */
  String biasOf() default "";

  /**
   * {@return on a bias, whether the weight is a transposed convolution's ({@code
   * nn.ConvTranspose*d})} Such a weight is laid out {@code [in][out / groups][k…]}, so the bias's
   * length is {@code out}, not the weight's {@code shape[0]}; it is bounded by the weight's fan_in
   * all the same ({@link Init#torchDefaultTransposedBias}).
   */
  boolean transposed() default false;

  /** {@return the shape of a flat weight, as constants; see {@link KaimingInit#shape()}} */
  int[] shape() default {};

  /**
   * {@return the shape of a flat weight, as names of {@code int} fields; see {@link
   * KaimingInit#shapeFields()}}
   */
  String[] shapeFields() default {};
}
