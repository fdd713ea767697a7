/**
 * Not API: what the kinit annotation processor needs from the runtime, exported by the module
 * {@code dev.kinit} to {@code dev.kinit.processor} only. Its classes are public so that the
 * processor can call them; they may change in any release.
 *
 * <ul>
 *   <li>{@link dev.kinit.internal.Rules}: each rule the runtime checks when it runs and the
 *       processor checks again at compile time (the slope limit, the fan rank, the numbers of a
 *       fill, the bias length, the shapes of {@code eye_}, {@code dirac_} and {@code orthogonal_},
 *       the truncation interval, gains and scales), as a function that returns the problem, stated
 *       once;
 *   <li>{@link dev.kinit.internal.ElementType}: {@code float} or {@code double}, with the range of
 *       its normal numbers;
 *   <li>{@link dev.kinit.internal.Gains}: the gain's formula, for the comments of generated code;
 *   <li>{@link dev.kinit.internal.TorchMath}: PyTorch's {@code trunc_normal_} and the scalar
 *       functions behind it ({@code norm_cdf}, ATen's {@code calc_erfinv}, and the C library's
 *       {@code erf}, {@code exp}, {@code log} in double and float, ported from glibc), which the
 *       samplers in the other packages share and {@link
 *       dev.kinit.internal.Rules#truncatedNormalProblem} needs.
 * </ul>
 */
@NullMarked
package dev.kinit.internal;

import org.jspecify.annotations.NullMarked;
