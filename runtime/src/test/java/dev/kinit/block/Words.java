package dev.kinit.block;

import java.util.SplittableRandom;

/**
 * Streams that start with a chosen word: {@code SplittableRandom}'s {@code n}-th output is {@code
 * mix64(seed + n·gamma)} and {@code mix64} is a bijection, so the seed whose first output is {@code
 * word} is {@code unmix64(word) − gamma}. Lets a test put a rare proposal (the edge of a layer) at
 * the start of a stream.
 */
final class Words {

  private Words() {}

  /** A {@code new SplittableRandom(seed)} whose first {@code nextLong()} is {@code word}. */
  static SplittableRandom startingWith(long word) {
    return new SplittableRandom(seedBefore(word));
  }

  /** The {@link SplitMix} of {@link #startingWith}: the same stream. */
  static SplitMix splitMixStartingWith(long word) {
    return SplitMix.seeded(seedBefore(word));
  }

  private static long seedBefore(long word) {
    return unmix64(word) - SplitMix.GOLDEN_GAMMA;
  }

  /** The inverse of {@code SplitMix.mix64}: its xor-shifts and odd multiplications undone. */
  static long unmix64(long z) {
    z = unxorShift(z, 31);
    z *= inverse(0x94d049bb133111ebL);
    z = unxorShift(z, 27);
    z *= inverse(0xbf58476d1ce4e5b9L);
    return unxorShift(z, 30);
  }

  private static long unxorShift(long z, int shift) {
    long x = z;
    for (int done = shift; done < 64; done += shift) {
      x = z ^ (x >>> shift);
    }
    return x;
  }

  /**
   * The inverse of an odd number modulo 2^64, by Newton's iteration (each step doubles the bits).
   */
  private static long inverse(long odd) {
    long x = odd; // correct to 3 bits
    for (int i = 0; i < 5; i++) {
      x *= 2 - odd * x;
    }
    return x;
  }
}
