package dev.kinit.torch;

/**
 * The 32-bit Mersenne Twister MT19937 (Matsumoto and Nishimura 1998) as PyTorch's CPU generator
 * runs it ({@code aten/src/ATen/core/MT19937RNGEngine.h}): seeded by {@code init_genrand} with a
 * 32-bit seed, regenerating all 624 words of state at once and tempering each output.
 *
 * <p>Also PyTorch's uniforms in {@code [0, 1)} ({@code uniform_real} of {@code
 * core/TransformationHelper.h}): a float from the low 24 bits of one word, a double from the low 53
 * bits of two.
 *
 * <p>The state is regenerated and tempered 624 words at a time, in loops in which every array is
 * read at the loop index, the form C2 turns into vector instructions (its auto-vectorizer in Java
 * 17 leaves a loop scalar when it reads an array at two different offsets, such as {@code state[i]}
 * and {@code state[i + 1]}; copies of the state shifted by {@code 1} and by {@code 397} avoid
 * that).
 */
final class Mt19937 {
  private static final int N = 624;
  private static final int M = 397;
  private static final int MATRIX_A = 0x9908b0df;
  private static final int UPPER_MASK = 0x80000000;
  private static final int LOWER_MASK = 0x7fffffff;
  private static final int FLOAT_MANTISSA_MASK = (1 << 24) - 1;
  private static final long DOUBLE_MANTISSA_MASK = (1L << 53) - 1;

  private final int[] state;

  /** The tempered words of {@link #state}: the outputs. */
  private final int[] outputs;

  /** The next word of {@link #outputs}; {@code N} when the state must be regenerated. */
  private int next;

  /**
   * Scratch of the twist, the calling thread's: {@code state[i + 1]} at index {@code i} and {@code
   * state[i + M]} (mod N) at index {@code N + i}. Not the engine's own, so that the copies a
   * parallel fill makes of an engine (one per range) are only its state.
   */
  private static final ThreadLocal<int[]> TWIST_SCRATCH =
      ThreadLocal.withInitial(() -> new int[2 * N]);

  Mt19937(int seed) {
    state = new int[N];
    outputs = new int[N];
    state[0] = seed;
    for (int i = 1; i < N; i++) {
      state[i] = 1812433253 * (state[i - 1] ^ (state[i - 1] >>> 30)) + i;
    }
    next = N;
  }

  private Mt19937(Mt19937 original) {
    state = original.state.clone();
    outputs = original.outputs.clone();
    next = original.next;
  }

  /** An independent engine in this one's state: it draws the same words from here on. */
  Mt19937 copy() {
    return new Mt19937(this);
  }

  /** The next 32 random bits. */
  int nextInt() {
    if (next == N) {
      regenerate();
    }
    return outputs[next++];
  }

  /** Two words, the first in the high half: {@code random64()}. */
  long nextLong() {
    long high = nextInt() & 0xffffffffL;
    return high << 32 | (nextInt() & 0xffffffffL);
  }

  /** A float uniform in {@code [0, 1)}: {@code (bits & (2^24 - 1)) · 2^-24} of one word. */
  float nextFloat() {
    return unitFloat(nextInt());
  }

  /**
   * A double uniform in {@code [0, 1)}: {@code (bits & (2^53 - 1)) · 2^-53} of {@link #nextLong()}.
   */
  double nextDouble() {
    return (nextLong() & DOUBLE_MANTISSA_MASK) * 0x1p-53;
  }

  /** Writes the next {@code count} {@link #nextFloat()}s to {@code values[offset ..)}. */
  void nextFloats(float[] values, int offset, int count) {
    while (count > 0) {
      if (next == N) {
        regenerate();
      }
      int n = Math.min(count, N - next);
      int[] words = outputs;
      int first = next;
      for (int k = 0; k < n; k++) {
        values[offset + k] = unitFloat(words[first + k]);
      }
      next += n;
      offset += n;
      count -= n;
    }
  }

  /** Writes the next {@code count} words to {@code words[offset ..)}. */
  void nextInts(int[] words, int offset, int count) {
    while (count > 0) {
      if (next == N) {
        regenerate();
      }
      int n = Math.min(count, N - next);
      System.arraycopy(outputs, next, words, offset, n);
      next += n;
      offset += n;
      count -= n;
    }
  }

  /** Moves past the next {@code count} words as if they had been drawn, tempering none of them. */
  void skip(long count) {
    long ahead = next + count;
    if (ahead > N) {
      do {
        twist();
        ahead -= N;
      } while (ahead > N);
      temper();
    }
    next = (int) ahead;
  }

  /** {@link #nextFloat()} of a word. */
  static float unitFloat(int word) {
    return (word & FLOAT_MANTISSA_MASK) * 0x1p-24f;
  }

  private void regenerate() {
    twist();
    temper();
    next = 0;
  }

  /**
   * The twist, in three runs: {@code state[i + M]} is an old word for {@code i < N - M}, and a word
   * of this twist after that, from the first run for {@code i < 2(N - M)}, from the second run for
   * the rest; the last word wraps around to {@code state[0]}.
   */
  private void twist() {
    int[] mt = state;
    int[] scratch = TWIST_SCRATCH.get();
    System.arraycopy(mt, 1, scratch, 0, N - 1);
    System.arraycopy(mt, M, scratch, N, N - M);
    twistRange(scratch, 0, N - M);
    System.arraycopy(mt, 0, scratch, N + N - M, N - M);
    twistRange(scratch, N - M, 2 * (N - M));
    System.arraycopy(mt, N - M, scratch, N + 2 * (N - M), N - 1 - 2 * (N - M));
    twistRange(scratch, 2 * (N - M), N - 1);
    mt[N - 1] = twistWord(mt[N - 1], mt[0], mt[M - 1]);
  }

  private void temper() {
    int[] mt = state;
    int[] out = outputs;
    for (int i = 0; i < N; i++) {
      int y = mt[i];
      y ^= y >>> 11;
      y ^= (y << 7) & 0x9d2c5680;
      y ^= (y << 15) & 0xefc60000;
      y ^= y >>> 18;
      out[i] = y;
    }
  }

  private void twistRange(int[] scratch, int from, int to) {
    int[] mt = state;
    for (int i = from; i < to; i++) {
      mt[i] = twistWord(mt[i], scratch[i], scratch[N + i]);
    }
  }

  private static int twistWord(int current, int following, int distant) {
    int y = (current & UPPER_MASK) | (following & LOWER_MASK);
    return distant ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
  }
}
