package dev.kinit.torch;

/**
 * The 32-bit Mersenne Twister MT19937 (Matsumoto and Nishimura 1998) as PyTorch's CPU generator
 * runs it ({@code aten/src/ATen/core/MT19937RNGEngine.h}): seeded by {@code init_genrand} with a
 * 32-bit seed, regenerating all 624 words of state at once and tempering each output.
 */
final class Mt19937 {
  private static final int N = 624;
  private static final int M = 397;
  private static final int MATRIX_A = 0x9908b0df;
  private static final int UPPER_MASK = 0x80000000;
  private static final int LOWER_MASK = 0x7fffffff;

  private final int[] state = new int[N];

  /** The next word of {@link #state} to output; {@code N} when the state must be regenerated. */
  private int next;

  Mt19937(int seed) {
    state[0] = seed;
    for (int i = 1; i < N; i++) {
      state[i] = 1812433253 * (state[i - 1] ^ (state[i - 1] >>> 30)) + i;
    }
    next = N;
  }

  /** The next 32 random bits. */
  int nextInt() {
    if (next == N) {
      regenerate();
    }
    int y = state[next++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y;
  }

  private void regenerate() {
    for (int i = 0; i < N; i++) {
      int y = (state[i] & UPPER_MASK) | (state[(i + 1) % N] & LOWER_MASK);
      state[i] = state[(i + M) % N] ^ (y >>> 1) ^ ((y & 1) == 0 ? 0 : MATRIX_A);
    }
    next = 0;
  }
}
