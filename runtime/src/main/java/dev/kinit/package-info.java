/**
 * Weight initialisation with PyTorch's semantics, for plain Java arrays: the API.
 *
 * <p>Each of PyTorch's {@code torch.nn.init} functions (and Keras' {@code VarianceScaling}) is an
 * annotation for the kinit annotation processor, which generates the calls, a class with static
 * methods to call directly, and an {@link dev.kinit.Init} value (what generated code builds):
 *
 * <table>
 *   <caption>The vocabulary</caption>
 *   <tr><th>PyTorch</th><th>annotation</th><th>runtime</th><th>{@code Init}</th></tr>
 *   <tr><td>{@code kaiming_normal_}, {@code kaiming_uniform_}</td><td>{@link
 *       dev.kinit.KaimingInit}</td><td>{@link dev.kinit.Kaiming}</td><td>{@code kaimingNormal},
 *       {@code kaimingUniform}</td></tr>
 *   <tr><td>{@code xavier_normal_}, {@code xavier_uniform_}</td><td>{@link
 *       dev.kinit.XavierInit}</td><td>{@link dev.kinit.Xavier}</td><td>{@code xavierNormal},
 *       {@code xavierUniform}</td></tr>
 *   <tr><td>{@code normal_}, {@code trunc_normal_}</td><td>{@link dev.kinit.NormalInit}, {@link
 *       dev.kinit.TruncatedNormalInit}</td><td>{@link dev.kinit.Normal}</td><td>{@code normal},
 *       {@code truncatedNormal}</td></tr>
 *   <tr><td>{@code uniform_}</td><td>{@link dev.kinit.UniformInit}</td><td>{@link
 *       dev.kinit.Uniform}</td><td>{@code uniform}</td></tr>
 *   <tr><td>{@code constant_}, {@code zeros_}, {@code ones_}</td><td>{@link
 *       dev.kinit.ConstantInit}, {@link dev.kinit.ZerosInit}, {@link dev.kinit.OnesInit}</td>
 *       <td>{@link dev.kinit.Constant}</td><td>{@code constant}, {@code zeros}, {@code ones}</td></tr>
 *   <tr><td>{@code eye_}, {@code dirac_}</td><td>{@link dev.kinit.EyeInit}, {@link
 *       dev.kinit.DiracInit}</td><td>{@link dev.kinit.Identity}</td><td>{@code eye}, {@code
 *       dirac}</td></tr>
 *   <tr><td>{@code orthogonal_}</td><td>{@link dev.kinit.OrthogonalInit}</td><td>{@link
 *       dev.kinit.Orthogonal}</td><td>{@code orthogonal}</td></tr>
 *   <tr><td>Keras {@code VarianceScaling} ({@code he_normal}, {@code glorot_uniform}, …)</td><td>{@link
 *       dev.kinit.VarianceScalingInit}</td><td>{@link dev.kinit.VarianceScaling}</td><td>{@code
 *       varianceScaling}</td></tr>
 *   <tr><td>{@code nn.Linear}/{@code nn.Conv*d} defaults</td><td>{@link
 *       dev.kinit.TorchDefaultInit}</td><td>{@link dev.kinit.LayerDefaults}</td><td>{@code
 *       torchDefaultWeight}, {@code torchDefaultBias}</td></tr>
 * </table>
 *
 * <p>The pieces, each in one place:
 *
 * <ul>
 *   <li>Rules: {@link dev.kinit.Fans} (the fan rule of {@code
 *       torch.nn.init._calculate_fan_in_and_fan_out}, and Keras' for {@link
 *       dev.kinit.WeightLayout#KERAS}), {@link dev.kinit.Nonlinearity#gain(double)} ({@code
 *       calculate_gain}).
 *   <li>Plans: {@link dev.kinit.Init}, one initialisation as a value, and {@link
 *       dev.kinit.InitPlan}, a layer's parameters checked before any is written.
 *   <li>Data: {@link dev.kinit.Tensor}, {@link dev.kinit.FloatTensor} and {@link
 *       dev.kinit.DoubleTensor}, a validated row-major view of a plain Java array.
 *   <li>Randomness: any {@link java.util.random.RandomGenerator}; {@link dev.kinit.TensorSampler},
 *       how random values reach a whole tensor, and the extension point for samplers.
 * </ul>
 *
 * <p>Arguments are checked before any element is written, with PyTorch's messages where PyTorch has
 * one: a call that throws leaves the data untouched and draws nothing.
 *
 * <p>Beside this package: {@link dev.kinit.block.BlockSampler} (a fast sampler, parallel, the same
 * for any thread count, and able to fill a shard of a tensor alone) and {@link
 * dev.kinit.torch.TorchGenerator} (PyTorch 1.13's CPU generator, bit for bit). The package {@code
 * dev.kinit.internal} serves the annotation processor and is not API.
 */
@NullMarked
package dev.kinit;

import org.jspecify.annotations.NullMarked;
