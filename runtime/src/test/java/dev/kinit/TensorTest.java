package dev.kinit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.FutureTask;
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
  void setAllFillsNestedArraysInRowMajorOrder() {
    float[][][] data = new float[2][3][4];
    double[] next = {0};
    FloatTensor.of(data).setAll(() -> next[0]++);
    assertEquals(0, data[0][0][0]);
    assertEquals(1 * 12 + 2 * 4 + 3, data[1][2][3]);
    assertEquals(1 * 12 + 0 * 4 + 1, data[1][0][1]);
    assertEquals(24, next[0], "one value per element");
  }

  @Test
  void setAllRoundsToTheElementType() {
    float[] floats = new float[1];
    double[][] doubles = new double[1][1];
    FloatTensor.of(floats).setAll(() -> 0.1);
    DoubleTensor.of(doubles).setAll(() -> 0.1);
    assertEquals(0.1f, floats[0]);
    assertEquals(0.1, doubles[0][0]);
  }

  @Test
  void rangesSplitAtRowBoundaries() {
    float[][][] data = new float[2][3][4];
    Recorder recorder = new Recorder();
    FloatTensor.of(data).forEachSegment(5, 19, recorder);
    // rows of 4: positions 5..7 | 8..11 | 12..15 | 16..18
    assertEquals(List.of("floats 1+3", "floats 0+4", "floats 0+4", "floats 0+3"), recorder.runs);
    assertSame(data[0][1], recorder.arrays.get(0), "the caller's own rows, not copies");
    assertSame(data[1][1], recorder.arrays.get(3));
  }

  @Test
  void eachTensorCallsTheVisitorForItsElementType() {
    Recorder recorder = new Recorder();
    DoubleTensor.of(new double[6], 2, 3).forEachSegment(1, 5, recorder);
    DoubleTensor.of(new double[2][3]).forEachSegment(2, 4, recorder);
    FloatTensor.of(new float[6], 3, 2).forEachSegment(0, 6, recorder);
    assertEquals(List.of("doubles 1+4", "doubles 2+1", "doubles 0+1", "floats 0+6"), recorder.runs);
  }

  @Test
  void anEmptyRangeVisitsNothing() {
    Recorder recorder = new Recorder();
    FloatTensor.of(new float[2][3]).forEachSegment(4, 4, recorder);
    assertEquals(List.of(), recorder.runs);
  }

  @Test
  void rangeOutsideTheTensorIsRejected() {
    FloatTensor tensor = FloatTensor.of("w", new float[2][3]);
    Recorder recorder = new Recorder();
    IndexOutOfBoundsException e =
        assertThrows(IndexOutOfBoundsException.class, () -> tensor.forEachSegment(4, 7, recorder));
    assertEquals("w: range [4, 7) is outside [0, 6)", e.getMessage());
    assertThrows(IndexOutOfBoundsException.class, () -> tensor.forEachSegment(-1, 2, recorder));
    assertThrows(IndexOutOfBoundsException.class, () -> tensor.forEachSegment(3, 2, recorder));
    assertEquals(List.of(), recorder.runs, "nothing visited");
  }

  @Test
  void aRowAtTwoPositionsIsRejectedNamingBoth() {
    float[] row = {1, 2, 3};
    float[][] matrix = {row, row};
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> FloatTensor.of("weight", matrix));
    assertEquals(
        "weight: weight[1] is the same array as weight[0]; expected a distinct array at each"
            + " position, since a fill would write it twice",
        e.getMessage());
    assertArrayEquals(new float[] {1, 2, 3}, row);

    double[][][] deep = new double[2][2][2];
    deep[1][0] = deep[0][1]; // in another parent
    e = assertThrows(IllegalArgumentException.class, () -> DoubleTensor.of("w", deep));
    assertEquals(
        "w: w[1][0] is the same array as w[0][1]; expected a distinct array at each position,"
            + " since a fill would write it twice",
        e.getMessage());

    float[][][] block = new float[3][2][2];
    block[2] = block[0]; // a whole block of rows
    e = assertThrows(IllegalArgumentException.class, () -> FloatTensor.of("w", block));
    assertEquals(
        "w: w[2] is the same array as w[0]; expected a distinct array at each position,"
            + " since a fill would write it twice",
        e.getMessage());
  }

  @Test
  void aSharedRowIsFoundAmongManyRows() {
    float[][][] many = new float[40][50][2]; // 2,000 rows
    many[39][49] = many[25][7];
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> FloatTensor.of("w", many));
    assertEquals(
        "w: w[39][49] is the same array as w[25][7]; expected a distinct array at each position,"
            + " since a fill would write it twice",
        e.getMessage());
  }

  @Test
  void aSharedRowIsFoundWhateverTheNumberOfRows() {
    // 6,000 rows: checked in 4 groups (by hash); 300,000 rows: more than a thread keeps buffers
    // for. The first repeated row in row-major order is named, with its first position.
    float[][][] some = new float[60][100][1];
    some[59][99] = some[0][3];
    some[40][1] = some[12][7];
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> FloatTensor.of("w", some));
    assertTrue(
        e.getMessage().startsWith("w: w[40][1] is the same array as w[12][7];"), e.getMessage());
    float[][] many = new float[300_000][1];
    many[299_999] = many[123_456];
    e = assertThrows(IllegalArgumentException.class, () -> FloatTensor.of("m", many));
    assertTrue(
        e.getMessage().startsWith("m: m[299999] is the same array as m[123456];"), e.getMessage());
    many[299_999] = new float[1];
    assertEquals(300_000, FloatTensor.of("m", many).shape()[0]);
  }

  @Test
  void eachViewChecksItsOwnRowsOnly() {
    // The rows met are kept in a table the thread reuses from view to view: a view after another
    // (after a failed one too) must not see the earlier view's rows.
    float[][] weight = new float[300][4];
    FloatTensor.of("first", weight);
    assertEquals(300, FloatTensor.of("again", weight).shape()[0]);
    float[][] shared = {weight[0], weight[1], weight[0]};
    assertThrows(IllegalArgumentException.class, () -> FloatTensor.of("shared", shared));
    float[][] distinct = {weight[1], weight[0]};
    assertEquals(2, FloatTensor.of("distinct", distinct).shape()[0]);
    float[][] smaller = {weight[2], weight[3], weight[2]};
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> FloatTensor.of("smaller", smaller));
    assertTrue(e.getMessage().startsWith("smaller: smaller[2] is the same array as smaller[0]"));
  }

  @Test
  void twoViewsOfOneArrayAreLegalAndTheLastFillWins() {
    float[][] tied = new float[2][3];
    FloatTensor encoder = FloatTensor.of("encoder", tied);
    FloatTensor decoder = FloatTensor.of("decoder", tied);
    encoder.setAll(() -> 1);
    decoder.setAll(() -> 2);
    assertArrayEquals(new float[][] {{2, 2, 2}, {2, 2, 2}}, tied);
  }

  /**
   * The class comment's promise: the view keeps the outer array, and reads its rows when filled.
   */
  @Test
  void aViewWritesTheRowsItsOuterArrayHoldsWhenFilled() {
    float[][] weight = new float[2][3];
    FloatTensor view = FloatTensor.of("weight", weight);
    float[] replaced = weight[1];
    weight[1] = new float[3];
    view.setAll(() -> 1);
    assertArrayEquals(new float[] {1, 1, 1}, weight[1]);
    assertArrayEquals(new float[3], replaced);

    float[][] before = weight;
    weight = new float[2][3]; // given a new array, as a field may be: the view keeps the old one
    view.setAll(() -> 2);
    assertArrayEquals(new float[][] {{2, 2, 2}, {2, 2, 2}}, before);
    assertArrayEquals(new float[2][3], weight);
  }

  @Test
  void anEmptyOuterArrayHidesTheInnerSizes() {
    // Java keeps no size for the rows of new float[0][3]: the view cannot see the 3.
    assertArrayEquals(new int[] {0, 0}, FloatTensor.of(new float[0][3]).shape());
    assertArrayEquals(new int[] {2, 0, 0}, DoubleTensor.of(new double[2][0][5]).shape());
  }

  /** Records each run a tensor hands out. */
  private static final class Recorder implements Tensor.SegmentVisitor {
    final List<String> runs = new ArrayList<>();
    final List<Object> arrays = new ArrayList<>();

    @Override
    public void floats(float[] array, int offset, int length) {
      runs.add("floats " + offset + "+" + length);
      arrays.add(array);
    }

    @Override
    public void doubles(double[] array, int offset, int length) {
      runs.add("doubles " + offset + "+" + length);
      arrays.add(array);
    }
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

  @Test
  void anEmptyShapeForANonEmptyArrayIsAMismatch() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> FloatTensor.of("w", new float[3], 0, 5));
    assertEquals(
        "w: shape [0, 5] has 0 elements but the array has 3; expected the product of the sizes"
            + " to equal the array length",
        e.getMessage());
  }

  @Test
  void manyEmptyRowsAreAView() {
    // nn.Linear(0, 200_000).weight: no element, more rows than a thread keeps buffers for.
    FloatTensor weight = FloatTensor.of("weight", new float[200_000][0]);
    assertArrayEquals(new int[] {200_000, 0}, weight.shape());
    assertEquals(0, weight.size());
  }

  @Test
  void aRangeEndingWhereARowOrABlockEndsVisitsNoEmptyRun() {
    // A visitor is promised runs of at least one element (Tensor.SegmentVisitor).
    Recorder recorder = new Recorder();
    FloatTensor.of(new float[2][3][4]).forEachSegment(0, 8, recorder);
    assertEquals(List.of("floats 0+4", "floats 0+4"), recorder.runs);
    recorder.runs.clear();
    DoubleTensor.of(new double[2][3][4]).forEachSegment(4, 12, recorder);
    assertEquals(List.of("doubles 0+4", "doubles 0+4"), recorder.runs);
  }

  @Test
  void aTensorHasItsNameAndPrintsItWithItsShape() {
    assertEquals(
        "FloatTensor Linear.weight[6, 20]",
        FloatTensor.of("Linear.weight", new float[6][20]).toString());
    DoubleTensor bias = DoubleTensor.of("bias", new double[7]);
    assertEquals("DoubleTensor bias[7]", bias.toString());
    assertEquals("bias", bias.name());
    assertEquals(7, bias.size());
    assertEquals("Linear.weight", FloatTensor.of("Linear.weight", new float[2][3]).name());
  }

  @Test
  void aSharedRowIsFoundAmongMoreThanAMillionRows() {
    // A conv weight of [1024][1024][1][1] has 2^20 rows; this has one more.
    float[][] many = new float[(1 << 20) + 1][1];
    assertEquals((1 << 20) + 1, FloatTensor.of("m", many).shape()[0]);
    many[1 << 20] = many[7];
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> FloatTensor.of("m", many));
    assertTrue(
        e.getMessage().startsWith("m: m[1048576] is the same array as m[7];"), e.getMessage());
  }

  /**
   * The rows met by the check for a repeated row are kept in buffers the thread reuses: they must
   * not keep a dropped model's arrays from being collected.
   */
  @Test
  void aViewKeepsNoRowOfItsArrayAlive() throws InterruptedException {
    WeakReference<float[]> row = aRowOfADroppedView();
    for (int i = 0; i < 100 && row.get() != null; i++) {
      System.gc();
      Thread.sleep(10);
    }
    assertNull(row.get(), "the row is still reachable");
  }

  private static WeakReference<float[]> aRowOfADroppedView() {
    float[][] weight = new float[3][4];
    FloatTensor.of("weight", weight);
    return new WeakReference<>(weight[1]);
  }

  /**
   * A thread's first view, and each larger one after, up to past the most rows a thread keeps
   * buffers for (2^18), finds a repeated row and accepts distinct ones.
   */
  @Test
  void aNewThreadChecksViewsOfGrowingSizes() throws Exception {
    FutureTask<Void> views =
        new FutureTask<>(
            () -> {
              for (int rows : new int[] {2, 64, 65, 3_000, 1 << 18, (1 << 18) + 1}) {
                float[][] weight = new float[rows][1];
                assertEquals(rows, FloatTensor.of("w", weight).shape()[0]);
                weight[rows - 1] = weight[0];
                IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> FloatTensor.of("w", weight));
                assertTrue(
                    e.getMessage()
                        .startsWith("w: w[" + (rows - 1) + "] is the same array as w[0];"),
                    e.getMessage());
              }
              return null;
            });
    Thread thread = new Thread(views);
    thread.start();
    views.get(); // rethrows what failed in the thread
  }

  /**
   * The check for a repeated row groups rows by the high bits of their identity hash (times
   * 0x9E3779B9, in Layout.Rows): 4,000 rows in two groups, by the top bit. Identity hashes are
   * random; rows are picked here by that bit, so that the groups are as uneven as can be, or the
   * repeated rows in the group of one's choice.
   */
  private static float[] rowInGroup(boolean second) {
    while (true) {
      float[] row = new float[1];
      if (System.identityHashCode(row) * 0x9E3779B9 < 0 == second) {
        return row;
      }
    }
  }

  @Test
  void rowsAreCheckedHoweverUnevenlyTheirHashesFall() {
    float[][] weight = new float[4_000][];
    for (int i = 0; i < weight.length; i++) {
      weight[i] = rowInGroup(i == weight.length - 1); // one row alone in the second group
    }
    assertEquals(4_000, FloatTensor.of("w", weight).shape()[0]);
    weight[3_000] = weight[10];
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> FloatTensor.of("w", weight));
    assertTrue(e.getMessage().startsWith("w: w[3000] is the same array as w[10];"), e.getMessage());
  }

  @Test
  void theFirstRepeatedRowIsNamedWhicheverGroupItIsIn() {
    for (boolean firstInSecondGroup : new boolean[] {false, true}) {
      float[][] weight = new float[4_000][];
      for (int i = 0; i < weight.length; i++) {
        weight[i] =
            rowInGroup(i == 10 ? firstInSecondGroup : i == 20 ? !firstInSecondGroup : false);
      }
      weight[3_000] = weight[10];
      weight[3_500] = weight[20];
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> FloatTensor.of("w", weight));
      assertTrue(
          e.getMessage().startsWith("w: w[3000] is the same array as w[10];"), e.getMessage());
    }
  }

  @Test
  void tensorsShareArraysWhenAnElementOfOneIsAnElementOfAnother() {
    float[][] weight = new float[3][4];
    float[][] other = new float[2][];
    other[0] = new float[4];
    other[1] = weight[2];
    float[] flat = new float[12];
    float[][][] deep = new float[2][][];
    deep[0] = new float[][] {new float[4], new float[4]};
    deep[1] = new float[][] {new float[4], weight[0]};
    FloatTensor view = FloatTensor.of("weight", weight);

    assertFalse(Tensor.shareArrays(List.of()));
    assertFalse(Tensor.shareArrays(List.of(view)));
    assertFalse(
        Tensor.shareArrays(
            List.of(view, FloatTensor.of("flat", flat), DoubleTensor.of("d", new double[4]))));
    assertTrue(Tensor.shareArrays(List.of(view, view)), "one tensor listed twice");
    assertTrue(
        Tensor.shareArrays(List.of(FloatTensor.of("a", flat, 3, 4), FloatTensor.of("b", flat))),
        "one flat array viewed with two shapes");
    assertTrue(Tensor.shareArrays(List.of(view, FloatTensor.of("other", other))), "a row");
    assertTrue(
        Tensor.shareArrays(List.of(FloatTensor.of("deep", deep), view)), "a row, deeper down");
    assertTrue(
        Tensor.shareArrays(List.of(FloatTensor.of("bias", weight[1]), view)),
        "a flat array that is a row of another");
    assertFalse(
        Tensor.shareArrays(
            List.of(FloatTensor.of("none", new float[0][4]), FloatTensor.of("n", new float[0][4]))),
        "no rows, no elements");

    List<Tensor> withNull = new ArrayList<>();
    withNull.add(view);
    withNull.add(null);
    assertThrows(NullPointerException.class, () -> Tensor.shareArrays(withNull));
  }

  /** A new thread has no buffers yet: {@code shareArrays} makes them as large as the rows. */
  @Test
  void aNewThreadTellsWhetherManyRowsAreShared() throws Exception {
    FutureTask<Void> check =
        new FutureTask<>(
            () -> {
              float[][][] deep = new float[30][40][2];
              float[][] rows = new float[500][2];
              List<Tensor> apart = List.of(FloatTensor.of("deep", deep), FloatTensor.of("r", rows));
              assertFalse(Tensor.shareArrays(apart));
              rows[499] = deep[29][39];
              List<Tensor> shared =
                  List.of(FloatTensor.of("deep", deep), FloatTensor.of("r", rows));
              assertTrue(Tensor.shareArrays(shared));
              return null;
            });
    Thread thread = new Thread(check);
    thread.start();
    check.get();
  }
}
