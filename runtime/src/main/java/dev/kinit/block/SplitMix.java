package dev.kinit.block;

/**
 * SplitMix64, the algorithm of {@link java.util.SplittableRandom}: Steele, Lea and Flood, "Fast
 * Splittable Pseudorandom Number Generators", OOPSLA 2014. A generator is a pair {@code (seed,
 * gamma)} with {@code gamma} odd; its {@code n}-th output (from 1) is {@code mix64(seed +
 * n·gamma)}. {@code split()} returns a generator with a new seed and a new gamma drawn from the
 * parent, so the children's streams are different sequences, not windows of one.
 *
 * <p>This class is the same arithmetic as {@code SplittableRandom} (the tests check it output for
 * output), made mutable and allocation-free so that the block writers can keep the state in
 * registers and move to another block's stream without creating objects, and with random access to
 * the {@code k}-th split. Not thread-safe.
 */
final class SplitMix {

  /** The gamma of {@code new SplittableRandom(seed)}: 2^64 / φ, rounded to odd. */
  static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

  long seed;
  long gamma;

  SplitMix(long seed, long gamma) {
    this.seed = seed;
    this.gamma = gamma;
  }

  /** The generator of {@code new SplittableRandom(seed)}. */
  static SplitMix seeded(long seed) {
    return new SplitMix(seed, GOLDEN_GAMMA);
  }

  /** {@code SplittableRandom.nextLong()}. */
  long nextLong() {
    return mix64(seed += gamma);
  }

  /** {@code SplittableRandom.nextDouble()}: the top 53 bits of a word, as a fraction in [0, 1). */
  double nextDouble() {
    return (nextLong() >>> 11) * 0x1p-53;
  }

  /**
   * The generator that {@code parent.split()} returns when called for the {@code k}-th time (from
   * 0) on {@code parent}'s current state; {@code parent} is not changed. {@code split()} draws the
   * child's seed with {@code nextLong()} and its gamma with {@code mixGamma(nextSeed())}, two steps
   * of the parent per child.
   */
  static SplitMix split(SplitMix parent, long k) {
    SplitMix child = new SplitMix(0, 0);
    child.becomeSplit(parent, k);
    return child;
  }

  /** Makes this generator {@link #split(SplitMix, long) split(parent, k)}, without allocating. */
  void becomeSplit(SplitMix parent, long k) {
    seed = mix64(parent.seed + (2 * k + 1) * parent.gamma);
    gamma = mixGamma(parent.seed + (2 * k + 2) * parent.gamma);
  }

  /** Stafford's "Mix13" variant of the MurmurHash3 finaliser, as in {@code SplittableRandom}. */
  static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /**
   * {@code SplittableRandom}'s gamma for a new child: MurmurHash3's finaliser forced odd, with
   * enough 01/10 bit transitions that the child's sequence is not a near-copy of another's.
   */
  private static long mixGamma(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    z = (z ^ (z >>> 33)) | 1L;
    int transitions = Long.bitCount(z ^ (z >>> 1));
    return transitions < 24 ? z ^ 0xaaaaaaaaaaaaaaaaL : z;
  }
}
