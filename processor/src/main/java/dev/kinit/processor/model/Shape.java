package dev.kinit.processor.model;

import java.util.List;

/** Where a weight's shape comes from at run time. */
public sealed interface Shape {

  /** A 1-D array (a bias): its length. */
  record Vector() implements Shape {}

  /** Read from a nested array of {@code rank} dimensions. */
  record Nested(int rank) implements Shape {}

  /** Constant sizes from {@code shape = {...}}. */
  record Constants(List<Integer> sizes) implements Shape {
    public Constants {
      sizes = List.copyOf(sizes);
    }
  }

  /** Sizes read from the {@code int} members named by {@code shapeFields = {...}}. */
  record Fields(List<Access> sizes) implements Shape {
    public Fields {
      sizes = List.copyOf(sizes);
    }
  }
}
