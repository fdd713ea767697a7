package dev.kinit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a member of a layer or a {@link Network} (an annotated parameter array or a child module): its
 * name in parameter paths, where PyTorch's is not a Java identifier. A module that is an {@code
 * nn.Sequential}, as torchvision's {@code Conv2dNormActivation} inside MobileNet's {@code
 * features}, names its children {@code 0}, {@code 1}, …:
 *
 * <pre>{@code
 * @Network
 * final class ConvNormActivation {                    // features.0.0.weight, features.0.1.weight
 *   @Name("0") final Conv2d conv;
 *   @Name("1") final BatchNorm2d norm;
 *   @Name("2") final ReLU6 activation;
 * }
 * }</pre>
 *
 * <p>A {@code List}, array or {@code Map<String, …>} of modules named {@code ""} has no name of its
 * own: its elements are the module's own children, named by their index or key, as in a subclass of
 * {@code nn.Sequential} or {@code nn.ModuleDict} (a DenseNet block's {@code denselayer1}). An
 * EfficientNet stage is a {@code Sequential} of blocks ({@code features.1.0.block.0.0.weight}):
 *
 * <pre>{@code
 * @Network
 * final class Stage implements Feature {
 *   @Name("") final List<MBConv> blocks;              // features.1.0…, features.1.1…
 * }
 * }</pre>
 *
 * <p>The name is the member's wherever a name is meant: in the plan's steps and description, in
 * error messages, in {@link Reinit#parameter()} paths and in {@link ConstructedBefore}. The field's
 * own name still reads the member (its getter is found by it). A name holds no {@code .} (a path's
 * separator), no whitespace and no control character, and is empty only on a container; no two
 * members of a module have the same name, a superclass's included, and where a container's elements
 * are the module's children no other member is named by an index: each is a compile error.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Name {
  /** {@return the member's name in parameter paths: {@code "0"}, {@code "in_proj_weight"}} */
  String value();
}
