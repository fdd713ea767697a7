package dev.kinit.processor.model;

/** The primitive element type of a weight array: {@code float} or {@code double}. */
public enum ElementType {
  FLOAT,
  DOUBLE
}
