package dev.kinit;

import dev.kinit.Tensor.SegmentVisitor;
import java.lang.reflect.Array;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * Where the elements of a tensor live: one flat primitive array with an explicit shape, or a nested
 * array ({@code float[][][]}, …) whose shape is read from the arrays. Validated once, at creation;
 * then walks any range of row-major positions as contiguous segments of primitive arrays.
 *
 * <p>Shared by {@link FloatTensor} and {@link DoubleTensor}; a leaf is a {@code float[]} or a
 * {@code double[]}, and this is the one place that casts it back ({@link #forEachSegment}).
 */
final class Layout {

  private final String name;
  private final Object root;

  /** Whether the leaves are {@code float[]} (else {@code double[]}). */
  private final boolean floats;

  private final int[] shape;
  private final long size;

  /** For a nested array: how many elements one index at each depth spans. */
  private final long[] strides;

  private Layout(String name, Object root, int[] shape, long size, long[] strides) {
    this.name = name;
    this.root = root;
    Class<?> leaf = root.getClass();
    while (leaf.getComponentType().isArray()) {
      leaf = leaf.getComponentType();
    }
    this.floats = leaf == float[].class;
    this.shape = shape;
    this.size = size;
    this.strides = strides;
  }

  /** A flat array {@code data} viewed with {@code shape}. */
  static Layout flat(String name, Object data, int[] shape) {
    Objects.requireNonNull(name, "name");
    requireArray(name, data);
    Objects.requireNonNull(shape, "shape");
    int[] dims = shape.clone();
    Shapes.requireNonNegative(name, dims);
    int length = Array.getLength(data);
    long count = Shapes.elementCount(dims);
    if (count != length) {
      throw new IllegalArgumentException(
          name
              + ": shape "
              + Arrays.toString(dims)
              + " has "
              + (count < 0 ? "more than " + Long.MAX_VALUE : count)
              + " elements but the array has "
              + length
              + "; expected the product of the sizes"
              + " to equal the array length");
    }
    return new Layout(name, data, dims, count, null);
  }

  /**
   * A nested array of {@code rank} dimensions. Its shape is read from the first element at each
   * depth; every other array at that depth must have the same length.
   *
   * @throws NullPointerException naming the path of a null sub-array ({@code weight[2][0] is null})
   * @throws IllegalArgumentException for a jagged array, naming the first row that differs, or for
   *     an array that appears at two positions, naming both
   */
  static Layout nested(String name, Object[] root, int rank) {
    Objects.requireNonNull(name, "name");
    requireArray(name, root);
    int[] shape = new int[rank];
    Object node = root;
    for (int depth = 0; depth < rank; depth++) {
      shape[depth] = Array.getLength(node);
      if (depth + 1 < rank) {
        if (shape[depth] == 0) {
          break; // nothing below: the remaining sizes are unknown, and 0 is as good as any
        }
        node = ((Object[]) node)[0];
        if (node == null) {
          throw new NullPointerException(name + "[0]".repeat(depth + 1) + " is null");
        }
      }
    }
    Rows rows = Rows.of(rows(shape));
    try {
      requireRectangular(name, root, shape, 0, new int[rank], rows);
      int repeated = rows.firstRepeated();
      if (repeated >= 0) {
        int[] path = new int[rank];
        for (int depth = rank - 2, index = repeated; depth >= 0; depth--) {
          path[depth] = index % shape[depth];
          index /= shape[depth];
        }
        throw sameArray(name, root, path, rows.get(repeated));
      }
    } finally {
      rows.clear();
    }
    long[] strides = new long[rank];
    strides[rank - 1] = 1;
    for (int depth = rank - 2; depth >= 0; depth--) {
      strides[depth] = strides[depth + 1] * shape[depth + 1];
    }
    return new Layout(name, root, shape, strides[0] * shape[0], strides);
  }

  private static void requireArray(String name, Object array) {
    if (array == null) {
      throw new NullPointerException(name + " is null");
    }
  }

  /**
   * Checks the arrays below {@code node}, at {@code path[0 .. depth)}, depth first: each is not
   * null and has its depth's length; collects the innermost rows, in row-major order, into {@code
   * seen} (checked for a row at another position). Rows suffice: an array shared at a higher level
   * shares its rows too, and the message then names it ({@link #sameArray}).
   */
  private static void requireRectangular(
      String name, Object node, int[] shape, int depth, int[] path, Rows seen) {
    int length = length(node);
    if (length != shape[depth]) {
      throw new IllegalArgumentException(
          name
              + ": jagged array: "
              + name
              + index(path, depth)
              + " has length "
              + length
              + " but "
              + name
              + "[0]".repeat(depth)
              + " has length "
              + shape[depth]
              + "; expected every array at depth "
              + depth
              + " to have the same length");
    }
    if (depth + 1 == shape.length) {
      return;
    }
    Object[] children = (Object[]) node;
    boolean rows = depth + 2 == shape.length;
    for (int i = 0; i < children.length; i++) {
      path[depth] = i;
      if (children[i] == null) {
        throw new NullPointerException(name + index(path, depth + 1) + " is null");
      }
      if (rows) {
        seen.add(children[i]);
      }
      requireRectangular(name, children[i], shape, depth + 1, path, seen);
    }
  }

  /**
   * The error for {@code row}, at {@code path}, met before at another position: names the two
   * positions at the outermost depth where the arrays are already the same ({@code w[2]} and {@code
   * w[0]} when a whole block of rows is shared).
   */
  private static IllegalArgumentException sameArray(
      String name, Object root, int[] path, Object row) {
    int rowDepth = path.length - 1;
    int[] first = new int[rowDepth];
    find(root, row, 0, first);
    int depth = 1;
    Object here = ((Object[]) root)[path[0]];
    Object there = ((Object[]) root)[first[0]];
    while (here != there) {
      here = ((Object[]) here)[path[depth]];
      there = ((Object[]) there)[first[depth]];
      depth++;
    }
    return new IllegalArgumentException(
        name
            + ": "
            + name
            + index(path, depth)
            + " is the same array as "
            + name
            + index(first, depth)
            + "; expected a distinct array at each position, since a fill would write it twice");
  }

  /** How many innermost rows a nested array of {@code shape} has; at most 2^29 (fits memory). */
  private static int rows(int[] shape) {
    long count = 1;
    for (int depth = 0; depth + 1 < shape.length; depth++) {
      count = Math.min(count * shape[depth], 1 << 29);
    }
    return (int) count;
  }

  /**
   * Finds, depth first, the first position of {@code target} below {@code node}, into {@code path};
   * returns whether it is there.
   */
  private static boolean find(Object node, Object target, int depth, int[] path) {
    if (depth == path.length) {
      return false;
    }
    Object[] children = (Object[]) node;
    for (int i = 0; i < children.length; i++) {
      path[depth] = i;
      if (children[i] == target || find(children[i], target, depth + 1, path)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether two of {@code layouts} share an array: the same root, or a row of one that is a row of
   * another or the whole of a flat one ({@link Tensor#shareArrays}).
   */
  static boolean share(List<Layout> layouts) {
    long leaves = 0;
    for (Layout layout : layouts) {
      leaves += layout.leaves();
    }
    Rows rows = Rows.of((int) Math.min(leaves, Integer.MAX_VALUE - 8));
    try {
      for (Layout layout : layouts) {
        if (layout.strides == null) {
          rows.add(layout.root);
        } else {
          layout.addRows(layout.root, 0, rows);
        }
      }
      return rows.firstRepeated() >= 0; // a view's own rows are distinct: a repeat is another's
    } finally {
      rows.clear();
    }
  }

  /** How many arrays hold the elements: the rows of a nested array, or the one flat array. */
  private long leaves() {
    if (strides == null) {
      return 1;
    }
    long rows = 1;
    for (int depth = 0; depth + 1 < shape.length; depth++) {
      rows *= shape[depth];
    }
    return rows;
  }

  private void addRows(Object node, int depth, Rows rows) {
    Object[] children = (Object[]) node;
    if (depth + 2 == shape.length) {
      for (Object row : children) {
        rows.add(row);
      }
      return;
    }
    for (Object child : children) {
      addRows(child, depth + 1, rows);
    }
  }

  /** {@link Array#getLength}, without reflection: this runs once per row of every view. */
  private static int length(Object array) {
    if (array instanceof Object[] rows) {
      return rows.length;
    }
    return array instanceof float[] floats ? floats.length : ((double[]) array).length;
  }

  private static String index(int[] path, int depth) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < depth; i++) {
      text.append('[').append(path[i]).append(']');
    }
    return text.toString();
  }

  /** The array viewed: the flat one, or the outermost of a nested one. */
  Object root() {
    return root;
  }

  String name() {
    return name;
  }

  int[] shape() {
    return shape.clone();
  }

  long size() {
    return size;
  }

  /**
   * Calls {@code visitor} for each contiguous run of the elements at row-major positions {@code
   * [from, to)}, in order: {@link SegmentVisitor#floats} or {@link SegmentVisitor#doubles}, as the
   * leaves are.
   *
   * @throws IndexOutOfBoundsException unless {@code 0 <= from <= to <= size()}
   */
  void forEachSegment(long from, long to, SegmentVisitor visitor) {
    Objects.requireNonNull(visitor, "visitor");
    if (from < 0 || from > to || to > size) {
      throw new IndexOutOfBoundsException(
          name + ": range [" + from + ", " + to + ") is outside [0, " + size + ")");
    }
    if (from == to) {
      return;
    }
    if (strides == null) {
      segment(root, (int) from, (int) (to - from), visitor);
    } else {
      visit(root, 0, 0, from, to, visitor);
    }
  }

  private void visit(
      Object node, int depth, long base, long from, long to, SegmentVisitor visitor) {
    if (depth == shape.length - 1) {
      int offset = (int) Math.max(0, from - base);
      int end = (int) Math.min(shape[depth], to - base);
      segment(node, offset, end - offset, visitor);
      return;
    }
    Object[] children = (Object[]) node;
    long stride = strides[depth];
    for (int i = (int) (Math.max(0, from - base) / stride); i < children.length; i++) {
      long childBase = base + i * stride;
      if (childBase >= to) {
        return;
      }
      visit(children[i], depth + 1, childBase, from, to, visitor);
    }
  }

  private void segment(Object leaf, int offset, int length, SegmentVisitor visitor) {
    if (floats) {
      visitor.floats((float[]) leaf, offset, length);
    } else {
      visitor.doubles((double[]) leaf, offset, length);
    }
  }

  /** {@link Tensor#setAll}: one value per element, in row-major order. */
  void setAll(DoubleSupplier values) {
    Objects.requireNonNull(values, "values");
    forEachSegment(
        0,
        size,
        new SegmentVisitor() {
          @Override
          public void floats(float[] array, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
              array[i] = (float) values.getAsDouble();
            }
          }

          @Override
          public void doubles(double[] array, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
              array[i] = values.getAsDouble();
            }
          }
        });
  }

  /**
   * The innermost rows of a nested array, in row-major order, and the first one that is at an
   * earlier position too. A hash set of millions of rows misses the cache on nearly every row (a
   * ResNet's convolution weights have 786,432 rows of 3 floats), so the rows are first grouped by
   * the high bits of their identity hash into partitions of about 2,048, each then checked with a
   * table that stays in the cache. The buffers are the calling thread's, kept from one view to the
   * next (up to {@link #KEPT} rows; a larger view makes its own) and cleared after each, so that a
   * network's initializer, which views every parameter on each call, allocates nothing for them.
   */
  private static final class Rows {
    /** The most rows whose buffers a thread keeps: 2^18 (about 3 MB). */
    private static final int KEPT = 1 << 18;

    /** Rows per partition, on average: its table (twice as many ints) stays in the L1 cache. */
    private static final int PARTITION_BITS = 11;

    private static final ThreadLocal<Rows> KEPT_ROWS = new ThreadLocal<>();

    private final Object[] rows;
    private final int[] hashes;
    private final int[] order;

    /** The open-addressing table of a partition: a row's index + 1, 0 for empty. */
    private int[] table = new int[0];

    private int count;

    private Rows(int capacity) {
      rows = new Object[capacity];
      hashes = new int[capacity];
      order = new int[capacity];
    }

    /** Buffers for {@code capacity} rows, empty. */
    static Rows of(int capacity) {
      if (capacity > KEPT) {
        return new Rows(capacity);
      }
      Rows kept = KEPT_ROWS.get();
      if (kept == null || kept.rows.length < capacity) {
        kept = new Rows(Math.max(capacity, 64));
        KEPT_ROWS.set(kept);
      }
      return kept;
    }

    void add(Object row) {
      // Fibonacci hashing: the high bits of the product spread identity hash codes evenly. Taken
      // as the row is added: a view's check reads the row's header here anyway (its length is read
      // next), so that no second pass over millions of rows misses the cache on each header again.
      hashes[count] = System.identityHashCode(row) * 0x9E3779B9;
      rows[count++] = row;
    }

    Object get(int index) {
      return rows[index];
    }

    /** The first row, in row-major order, that is also at an earlier position; -1 if none is. */
    int firstRepeated() {
      int n = count;
      if (n < 2) {
        return -1;
      }
      int partBits = Math.max(0, 32 - Integer.numberOfLeadingZeros(n - 1) - PARTITION_BITS);
      int parts = 1 << partBits;
      int[] start = new int[parts + 1];
      for (int i = 0; i < n; i++) {
        start[partition(hashes[i], partBits) + 1]++;
      }
      int largest = 0;
      for (int p = 0; p < parts; p++) {
        largest = Math.max(largest, start[p + 1]);
        start[p + 1] += start[p];
      }
      int[] next = Arrays.copyOf(start, parts);
      for (int i = 0; i < n; i++) { // stable: each partition's rows stay in row-major order
        order[next[partition(hashes[i], partBits)]++] = i;
      }
      if (table.length < tableSize(largest)) {
        table = new int[tableSize(largest)];
      }
      int first = -1;
      for (int p = 0; p < parts; p++) {
        int repeated = firstRepeated(start[p], start[p + 1], partBits);
        if (repeated >= 0 && (first < 0 || repeated < first)) {
          first = repeated;
        }
      }
      return first;
    }

    /**
     * The first row of partition {@code order[from .. to)} that an earlier row of it equals: equal
     * rows have equal hashes, so they are in the same partition.
     */
    private int firstRepeated(int from, int to, int partBits) {
      int size = tableSize(to - from);
      if (to - from < 2) {
        return -1;
      }
      Arrays.fill(table, 0, size, 0);
      int bits = Integer.numberOfTrailingZeros(size);
      int mask = size - 1;
      for (int k = from; k < to; k++) {
        int i = order[k];
        int hash = hashes[i];
        int slot = (hash << partBits) >>> (32 - bits); // the bits below the partition's
        while (table[slot] != 0) {
          int j = table[slot] - 1;
          if (hashes[j] == hash && rows[j] == rows[i]) {
            return i;
          }
          slot = (slot + 1) & mask;
        }
        table[slot] = i + 1;
      }
      return -1;
    }

    private static int partition(int hash, int partBits) {
      return partBits == 0 ? 0 : hash >>> (32 - partBits);
    }

    /** A power of two at least twice {@code rows}, at least 2. */
    private static int tableSize(int rows) {
      return 1 << (32 - Integer.numberOfLeadingZeros(Math.max(1, 2 * rows - 1)));
    }

    /** Empties the buffers for the next view, and lets go of the rows. */
    void clear() {
      Arrays.fill(rows, 0, count, null);
      count = 0;
    }
  }

  @Override
  public String toString() {
    return name + Arrays.toString(shape);
  }
}
