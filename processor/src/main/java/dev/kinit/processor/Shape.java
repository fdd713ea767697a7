package dev.kinit.processor;

import java.util.List;

/** Where a weight's shape comes from at run time. */
sealed interface Shape {

  /** A 1-D array (a bias): its length. */
  record Vector() implements Shape {}

  /** Read from a nested array of {@code rank} dimensions. */
  record Nested(int rank) implements Shape {}

  /** Constant sizes from {@code @KaimingInit(shape = ...)}. */
  record Constants(List<Integer> sizes) implements Shape {}

  /** Sizes read from {@code int} fields named by {@code @KaimingInit(shapeFields = ...)}. */
  record Fields(List<Access> sizes) implements Shape {}
}
