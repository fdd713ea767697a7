/**
 * Kaiming (He) weight initialisation with PyTorch's semantics: the API.
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
 * <p>The pieces, each in one place:
 *
 * <ul>
 *   <li>Annotations, for the kinit annotation processor, which generates the calls: {@link
 *       dev.kinit.KaimingInit} (a Kaiming weight, configured by {@link dev.kinit.FanMode}, {@link
 *       dev.kinit.Nonlinearity} and {@link dev.kinit.Distribution}) and {@link
 *       dev.kinit.TorchDefaultInit} (PyTorch's default weight or bias of {@code nn.Linear} and
 *       {@code nn.Conv*d}).
 *   <li>Rules: {@link dev.kinit.Fans} (the fan rule of {@code
 *       torch.nn.init._calculate_fan_in_and_fan_out}), {@link dev.kinit.Nonlinearity#gain(double)}
 *       ({@code calculate_gain}).
 *   <li>Fills: {@link dev.kinit.Kaiming} (std, bound, and {@code kaiming_normal_}/{@code
 *       kaiming_uniform_}), {@link dev.kinit.LayerDefaults} (PyTorch's {@code reset_parameters()}
 *       of {@code nn.Linear} and {@code nn.Conv*d}).
 *   <li>Data: {@link dev.kinit.Tensor}, {@link dev.kinit.FloatTensor} and {@link
 *       dev.kinit.DoubleTensor}, a validated row-major view of a plain Java array.
 *   <li>Randomness: any {@link java.util.random.RandomGenerator}; {@link dev.kinit.TensorSampler},
 *       how random values reach a whole tensor, and the extension point for samplers.
 * </ul>
 *
 * <p>Beside this package: {@link dev.kinit.block.BlockSampler} (a fast sampler, parallel, the same
 * for any thread count, and able to fill a shard of a tensor alone) and {@link
 * dev.kinit.torch.TorchGenerator} (PyTorch 1.13's CPU generator, bit for bit). The package {@code
 * dev.kinit.internal} serves the annotation processor and is not API.
 */
@NullMarked
package dev.kinit;

import org.jspecify.annotations.NullMarked;
