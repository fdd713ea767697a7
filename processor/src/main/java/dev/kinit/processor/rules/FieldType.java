package dev.kinit.processor.rules;

/**
 * The declared type of a field, as the rules need it.
 *
 * @param text the type as the user wrote it, for messages: {@code float[][]}
 * @param element the element type once the array dimensions are removed
 * @param rank the number of array dimensions, 0 for a non-array
 */
public record FieldType(String text, Element element, int rank) {

  /** What the element type is. */
  public enum Element {
    FLOAT,
    DOUBLE,
    INT,
    /** Any other type, resolved. */
    OTHER,
    /** A type the compiler has not resolved (yet). */
    UNRESOLVED
  }

  /** Whether this is {@code float[]}… or {@code double[]}… of 1 to {@code maxRank} dimensions. */
  public boolean isWeightArray(int maxRank) {
    return (element == Element.FLOAT || element == Element.DOUBLE) && rank >= 1 && rank <= maxRank;
  }

  /** Whether this is a plain {@code double}, as {@code slopeField} needs. */
  public boolean isDouble() {
    return element == Element.DOUBLE && rank == 0;
  }

  /** Whether this is a plain {@code int}, as {@code shapeFields} needs. */
  public boolean isInt() {
    return element == Element.INT && rank == 0;
  }

  @Override
  public String toString() {
    return text;
  }
}
