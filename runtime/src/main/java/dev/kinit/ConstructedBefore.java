package dev.kinit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a member of a {@link Network}: PyTorch constructs it before the named member, though it
 * registers it after, so it draws its default initialisation earlier than its declaration order
 * says. torchvision's ResNet builds a block's {@code downsample} before the block's own layers, and
 * hands it to the block, which registers it last:
 *
 * <pre>{@code
 * @Network
 * final class BasicBlock {
 *   final Conv2d conv1; final BatchNorm2d bn1; final Conv2d conv2; final BatchNorm2d bn2;
 *   @ConstructedBefore("conv1") final List<Downsample> downsample;
 * }
 * }</pre>
 *
 * <p>Names and the order of {@link Reinit} passes keep the declaration order, as PyTorch's
 * registration does. If the named member is absent at run time (a {@code null} child, or a {@code
 * null} optional parameter such as {@code float @Nullable [] bias}), this member is constructed
 * where that one would have been, as PyTorch does with a {@code None}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface ConstructedBefore {
  /** {@return the member of the same class that this one is constructed before} */
  String value();
}
