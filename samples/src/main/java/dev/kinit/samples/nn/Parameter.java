package dev.kinit.samples.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A contiguous run of trainable values and the gradient of the loss with respect to them, of the
 * same length. A weight stored as a nested array is a list of these, one per innermost row, so an
 * optimiser can update any layer without knowing its layout.
 *
 * @param values the weights, updated in place by the optimiser
 * @param gradient dLoss/dValues, accumulated by {@link Layer#backward} and cleared by the optimiser
 */
public record Parameter(float[] values, float[] gradient) {

  /**
   * @throws IllegalArgumentException if the two arrays differ in length
   */
  public Parameter {
    Objects.requireNonNull(values, "values");
    Objects.requireNonNull(gradient, "gradient");
    if (values.length != gradient.length) {
      throw new IllegalArgumentException(
          String.format(
              "values has %d elements and gradient %d; expected the same length",
              values.length, gradient.length));
    }
  }

  /** One parameter per row of {@code values[r]} with gradient {@code gradient[r]}. */
  public static List<Parameter> rows(float[][] values, float[][] gradient) {
    List<Parameter> rows = new ArrayList<>(values.length);
    for (int r = 0; r < values.length; r++) {
      rows.add(new Parameter(values[r], gradient[r]));
    }
    return rows;
  }

  /** One parameter per innermost row of a {@code [out][in][kh][kw]} weight. */
  public static List<Parameter> rows(float[][][][] values, float[][][][] gradient) {
    List<Parameter> rows = new ArrayList<>();
    for (int o = 0; o < values.length; o++) {
      for (int c = 0; c < values[o].length; c++) {
        rows.addAll(rows(values[o][c], gradient[o][c]));
      }
    }
    return rows;
  }
}
