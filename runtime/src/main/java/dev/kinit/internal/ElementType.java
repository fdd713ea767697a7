package dev.kinit.internal;

import dev.kinit.FloatTensor;
import dev.kinit.Tensor;

/**
 * The element type of a tensor, with the range of its normal numbers: what {@link Rules} checks the
 * numbers of a fill against. Not API (see the package comment of {@code dev.kinit.internal}).
 */
public enum ElementType {
  /** {@code float}: normal numbers from {@link Float#MIN_NORMAL} to {@link Float#MAX_VALUE}. */
  FLOAT("float", Float.MIN_NORMAL, Float.MAX_VALUE),
  /** {@code double}: normal numbers from {@link Double#MIN_NORMAL} to {@link Double#MAX_VALUE}. */
  DOUBLE("double", Double.MIN_NORMAL, Double.MAX_VALUE);

  private final String javaName;
  private final double minNormal;
  private final double max;

  ElementType(String javaName, double minNormal, double max) {
    this.javaName = javaName;
    this.minNormal = minNormal;
    this.max = max;
  }

  /**
   * {@return the element type of {@code tensor}}
   *
   * @param tensor a {@code FloatTensor} or a {@code DoubleTensor}
   */
  public static ElementType of(Tensor tensor) {
    return tensor instanceof FloatTensor ? FLOAT : DOUBLE;
  }

  /** {@return the smallest positive normal number of this type} */
  public double minNormal() {
    return minNormal;
  }

  /** {@return the largest finite number of this type} */
  public double max() {
    return max;
  }

  /** {@code value} rounded to this type: {@code (float) value} for {@link #FLOAT}. */
  double round(double value) {
    return this == FLOAT ? (float) value : value;
  }

  /** {@code minuend - subtrahend} as this type computes it: in {@code float} for {@link #FLOAT}. */
  double difference(double minuend, double subtrahend) {
    return this == FLOAT ? (float) minuend - (float) subtrahend : minuend - subtrahend;
  }

  /**
   * {@code "Float.MIN_NORMAL (1.1754944E-38)"}: the limits named, with their values. The float's
   * value is written out, as the shortest decimal that reads back as it (what {@code
   * Float.toString} prints from JDK 19 on; JDK 17 prints {@code 1.17549435E-38}), so that a message
   * is the same on every JDK.
   */
  String minNormalText() {
    return this == FLOAT
        ? "Float.MIN_NORMAL (1.1754944E-38)"
        : "Double.MIN_NORMAL (" + Double.MIN_NORMAL + ")";
  }

  /** {@code "Float.MAX_VALUE (3.4028235E38)"}. */
  String maxText() {
    return this == FLOAT
        ? "Float.MAX_VALUE (" + Float.MAX_VALUE + ")"
        : "Double.MAX_VALUE (" + Double.MAX_VALUE + ")";
  }

  /** {@code "Float.MAX_VALUE / 2 (1.7014117E38)"}. */
  String halfMaxText() {
    return this == FLOAT
        ? "Float.MAX_VALUE / 2 (" + Float.MAX_VALUE / 2 + ")"
        : "Double.MAX_VALUE / 2 (" + Double.MAX_VALUE / 2 + ")";
  }

  /** {@return the Java keyword: {@code "float"} or {@code "double"}} */
  @Override
  public String toString() {
    return javaName;
  }
}
