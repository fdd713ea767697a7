package dev.kinit.processor.rules;

import dev.kinit.processor.model.Site;
import java.util.List;
import java.util.Optional;

/**
 * One kinit annotation on a field, as a front end reads it: its attributes with defaults applied,
 * and where each written one is, so that a diagnostic can point at it. The typed getters may be
 * called only when {@link #unresolved()} is empty.
 */
public interface AnnotationUse {

  /** Which annotation this is. */
  InitAnnotation annotation();

  /** The annotation, in the source. */
  Site site();

  /** Where {@code attribute} is written, or the annotation when it takes its default. */
  Site site(String attribute);

  /** Where element {@code index} of the array attribute {@code attribute} is written. */
  Site site(String attribute, int index);

  /** Whether {@code attribute} is written (explicitly, even with its default value). */
  boolean isWritten(String attribute);

  /**
   * The first attribute whose value the compiler has not resolved yet (a constant that another
   * processor may still generate), if any. The compiler reports the missing symbol itself.
   */
  Optional<String> unresolved();

  /** Whether the compiler has resolved the value of {@code attribute}. */
  boolean isResolved(String attribute);

  double doubleValue(String attribute);

  int intValue(String attribute);

  boolean booleanValue(String attribute);

  String stringValue(String attribute);

  /** The name of the enum constant {@code attribute} holds. */
  String enumValue(String attribute);

  List<Integer> intValues(String attribute);

  List<String> stringValues(String attribute);
}
