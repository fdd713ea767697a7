package dev.kinit.internal;

import dev.kinit.Nonlinearity;

/**
 * What the annotation processor says about a gain in the code it generates: its formula, and
 * whether the negative slope {@code a} takes part. The values are {@link
 * Nonlinearity#gain(double)}. Not API (see the package comment of {@code dev.kinit.internal}).
 */
public final class Gains {

  private Gains() {}

  /**
   * {@return how {@code nonlinearity.gain(a)} is computed, for a reader: {@code "sqrt(2)"}, {@code
   * "sqrt(2 / (1 + 0.2^2))"}, {@code "5 / 3"}}
   *
   * @param nonlinearity the nonlinearity whose gain is described
   * @param a the negative slope, which only {@link Nonlinearity#LEAKY_RELU}'s formula shows
   */
  public static String formula(Nonlinearity nonlinearity, double a) {
    return switch (nonlinearity) {
      case TANH -> "5 / 3";
      case RELU -> "sqrt(2)";
      case LEAKY_RELU -> "sqrt(2 / (1 + " + (a < 0 ? "(" + a + ")" : a) + "^2))";
      case SELU -> "3 / 4";
      default -> "1"; // the linear ones, convolutions and sigmoid (GainsTest checks each)
    };
  }

  /**
   * {@return whether the gain depends on {@code a}: only for {@link Nonlinearity#LEAKY_RELU}}
   *
   * @param nonlinearity the nonlinearity whose gain is asked about
   */
  public static boolean usesNegativeSlope(Nonlinearity nonlinearity) {
    return nonlinearity == Nonlinearity.LEAKY_RELU;
  }
}
