/**
 * Kaiming (He) weight initialisation with PyTorch's semantics.
 *
 * <p>He, Zhang, Ren and Sun, "Delving Deep into Rectifiers: Surpassing Human-Level Performance on
 * ImageNet Classification", ICCV 2015, derive the scale that keeps the variance of activations
 * (forward pass, {@link dev.kinit.FanMode#FAN_IN fan_in}) or of gradients (backward pass, {@link
 * dev.kinit.FanMode#FAN_OUT fan_out}) constant from layer to layer:
 *
 * <pre>
 *   std   = gain / sqrt(fan)          Kaiming normal:  w ~ N(0, std²)
 *   bound = sqrt(3) · std             Kaiming uniform: w ~ U(-bound, bound)
 * </pre>
 *
 * <p>The pieces, each in one place: {@link dev.kinit.Fans} (the fan rule of {@code
 * torch.nn.init._calculate_fan_in_and_fan_out}), {@link dev.kinit.Nonlinearity#gain(double)}
 * ({@code calculate_gain}), {@link dev.kinit.Kaiming} (std, bound and the fills), {@link
 * dev.kinit.FloatTensor} / {@link dev.kinit.DoubleTensor} (a validated row-major view of a plain
 * Java array), {@link dev.kinit.TensorSampler} (how random values reach a whole tensor) and {@link
 * dev.kinit.BlockSampler} (a fast one: parallel, the same for any thread count, and able to fill a
 * shard of a tensor alone). {@link dev.kinit.KaimingInit} marks a weight field for the annotation
 * processor, which generates the calls.
 */
@NullMarked
package dev.kinit;

import org.jspecify.annotations.NullMarked;
