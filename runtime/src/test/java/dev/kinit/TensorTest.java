package dev.kinit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TensorTest {

  @Test
  void nestedShapesAreReadFromTheArrays() {
    assertArrayEquals(new int[] {6, 20}, FloatTensor.of(new float[6][20]).shape());
    assertArrayEquals(new int[] {16, 8, 5}, FloatTensor.of(new float[16][8][5]).shape());
    assertArrayEquals(new int[] {4, 3, 2, 2}, DoubleTensor.of(new double[4][3][2][2]).shape());
    assertArrayEquals(new int[] {2, 2, 3, 1, 4}, FloatTensor.of(new float[2][2][3][1][4]).shape());
    assertEquals(2 * 2 * 3 * 4, FloatTensor.of(new float[2][2][3][1][4]).size());
  }

  @Test
  void emptyOuterArrayHasZeroSizes() {
    assertArrayEquals(new int[] {0, 0, 0}, FloatTensor.of(new float[0][][]).shape());
    assertArrayEquals(new int[] {3, 0, 0}, FloatTensor.of(new float[3][0][]).shape());
    assertEquals(0, FloatTensor.of(new float[3][0][]).size());
  }

  @Test
  void flatArraysTakeTheirShape() {
    FloatTensor tensor = FloatTensor.of("w", new float[120], 6, 4, 5);
    assertArrayEquals(new int[] {6, 4, 5}, tensor.shape());
    assertEquals(120, tensor.size());
    assertArrayEquals(new int[] {7}, DoubleTensor.of("bias", new double[7]).shape());
  }

  @Test
  void segmentsWalkNestedArraysInRowMajorOrder() {
    float[][][] data = new float[2][3][4];
    FloatTensor tensor = FloatTensor.of(data);
    float[] values = new float[24];
    for (int i = 0; i < values.length; i++) {
      values[i] = i;
    }
    tensor.write(0, values, 0, 24);
    assertEquals(0, data[0][0][0]);
    assertEquals(1 * 12 + 2 * 4 + 3, data[1][2][3]);
    assertEquals(1 * 12 + 0 * 4 + 1, data[1][0][1]);
  }

  @Test
  void rangesSplitAtRowBoundaries() {
    float[][][] data = new float[2][3][4];
    List<String> segments = new ArrayList<>();
    FloatTensor.of(data)
        .forEachSegment(5, 19, (array, offset, length) -> segments.add(offset + "+" + length));
    // rows of 4: positions 5..7 | 8..11 | 12..15 | 16..18
    assertEquals(List.of("1+3", "0+4", "0+4", "0+3"), segments);
  }

  @Test
  void writeAtAnOffsetTouchesOnlyItsRange() {
    double[][] data = new double[3][3];
    DoubleTensor.of(data).write(2, new double[] {9, 8, 7, 6}, 1, 2);
    assertArrayEquals(new double[][] {{0, 0, 8}, {7, 0, 0}, {0, 0, 0}}, data);
  }

  @Test
  void rangeOutsideTheTensorIsRejected() {
    FloatTensor tensor = FloatTensor.of("w", new float[2][3]);
    IndexOutOfBoundsException e =
        assertThrows(
            IndexOutOfBoundsException.class, () -> tensor.forEachSegment(4, 7, (a, o, l) -> {}));
    assertEquals("w: range [4, 7) is outside [0, 6)", e.getMessage());
    float[] tooMany = new float[10];
    assertThrows(IndexOutOfBoundsException.class, () -> tensor.write(0, tooMany, 0, 10));
  }

  @Test
  void jaggedArraysAreRejectedNamingTheRow() {
    float[][] matrix = {{1, 2, 3}, {4, 5}};
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> FloatTensor.of("weight", matrix));
    assertEquals(
        "weight: jagged array: weight[1] has length 2 but weight[0] has length 3;"
            + " expected every array at depth 1 to have the same length",
        e.getMessage());

    double[][][][] deep = new double[2][2][2][2];
    deep[1][0][1] = new double[3];
    e = assertThrows(IllegalArgumentException.class, () -> DoubleTensor.of("w", deep));
    assertEquals(
        "w: jagged array: w[1][0][1] has length 3 but w[0][0][0] has length 2;"
            + " expected every array at depth 3 to have the same length",
        e.getMessage());

    float[][][][][] five = new float[2][2][2][2][2];
    five[0][1] = new float[3][2][2];
    e = assertThrows(IllegalArgumentException.class, () -> FloatTensor.of(five));
    assertEquals(
        "tensor: jagged array: tensor[0][1] has length 3 but tensor[0][0] has length 2;"
            + " expected every array at depth 2 to have the same length",
        e.getMessage());
  }

  @Test
  void nullArraysAreNamed() {
    NullPointerException e =
        assertThrows(NullPointerException.class, () -> FloatTensor.of("weight", (float[][]) null));
    assertEquals("weight is null", e.getMessage());
    e = assertThrows(NullPointerException.class, () -> FloatTensor.of("bias", (float[]) null));
    assertEquals("bias is null", e.getMessage());
    e = assertThrows(NullPointerException.class, () -> DoubleTensor.of("w", (double[]) null, 2, 3));
    assertEquals("w is null", e.getMessage());
    e =
        assertThrows(
            NullPointerException.class, () -> FloatTensor.of("w", new float[6], (int[]) null));
    assertEquals("shape", e.getMessage());
  }

  @Test
  void nullSubArraysAreNamedByTheirPath() {
    float[][][] first = new float[2][][];
    NullPointerException e =
        assertThrows(NullPointerException.class, () -> FloatTensor.of("weight", first));
    assertEquals("weight[0] is null", e.getMessage());

    float[][][] later = new float[2][2][2];
    later[1][1] = null;
    e = assertThrows(NullPointerException.class, () -> FloatTensor.of("weight", later));
    assertEquals("weight[1][1] is null", e.getMessage());
  }

  @Test
  void shapeMustMatchTheDataLength() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> FloatTensor.of("weight", new float[100], 6, 20));
    assertEquals(
        "weight: shape [6, 20] has 120 elements but the array has 100; expected the"
            + " product of the sizes to equal the array length",
        e.getMessage());
  }

  @Test
  void shapeWhoseProductOverflowsIsAMismatch() {
    int big = Integer.MAX_VALUE;
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> DoubleTensor.of("w", new double[4], big, big, big, 4));
    assertEquals(
        "w: shape ["
            + big
            + ", "
            + big
            + ", "
            + big
            + ", 4] has more than "
            + Long.MAX_VALUE
            + " elements but the array has 4; expected the product of the sizes to"
            + " equal the array length",
        e.getMessage());
  }

  @Test
  void negativeSizesAreRejected() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> FloatTensor.of("weight", new float[6], -2, -3));
    assertEquals(
        "weight: shape [-2, -3] has size -2 at dimension 0; expected sizes >= 0", e.getMessage());
  }

  @Test
  void shapeIsCopiedInAndOut() {
    int[] shape = {2, 3};
    FloatTensor tensor = FloatTensor.of(new float[6], shape);
    shape[0] = 99;
    tensor.shape()[1] = 99;
    assertArrayEquals(new int[] {2, 3}, tensor.shape());
  }
}
