/**
 * A fast sampler: {@link dev.kinit.block.BlockSampler}, a seeded {@link
 * java.util.random.RandomGenerator} and {@link dev.kinit.TensorSampler} that fills large tensors in
 * parallel with the same values for any number of threads, and any range of a tensor (a shard) on
 * its own. Its machinery (the SplitMix64 streams, the ziggurat tables, the block writers) is
 * package-private.
 */
@NullMarked
package dev.kinit.block;

import org.jspecify.annotations.NullMarked;
