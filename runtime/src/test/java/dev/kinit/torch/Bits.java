package dev.kinit.torch;

import com.google.gson.JsonArray;

/** Reference values written as IEEE-754 bit patterns in hex, and distances between floats. */
final class Bits {
  private Bits() {}

  static float[] floats(JsonArray hex) {
    float[] values = new float[hex.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = Float.intBitsToFloat(Integer.parseUnsignedInt(hex.get(i).getAsString(), 16));
    }
    return values;
  }

  static double[] doubles(JsonArray hex) {
    double[] values = new double[hex.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = Double.longBitsToDouble(Long.parseUnsignedLong(hex.get(i).getAsString(), 16));
    }
    return values;
  }

  static String hex(float value) {
    return String.format("%08x", Float.floatToRawIntBits(value));
  }

  static String hex(double value) {
    return String.format("%016x", Double.doubleToRawLongBits(value));
  }

  /** How many floats lie between {@code a} and {@code b} (0 when bitwise equal). */
  static long ulpDistance(float a, float b) {
    return Math.abs(ordered(a) - ordered(b));
  }

  /** How many doubles lie between {@code a} and {@code b} (0 when bitwise equal). */
  static long ulpDistance(double a, double b) {
    return Math.abs(ordered(a) - ordered(b));
  }

  /** The float's position on a line where adjacent floats differ by 1 (-0 and +0 at -1 and 0). */
  private static long ordered(float value) {
    int bits = Float.floatToRawIntBits(value);
    return bits < 0 ? -1L - (bits & 0x7fffffff) : bits;
  }

  private static long ordered(double value) {
    long bits = Double.doubleToRawLongBits(value);
    return bits < 0 ? -1L - (bits & Long.MAX_VALUE) : bits;
  }
}
