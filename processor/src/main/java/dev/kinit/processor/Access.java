package dev.kinit.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;

/**
 * How the generated initializer reads a value off the layer: {@code layer.weight}, {@code
 * layer.getWeight()}, or, for a static {@code int} named by {@code shapeFields}, {@code Owner.IN}.
 */
sealed interface Access {

  /**
   * {@code layer.name}, or {@code ((Declaring) layer).name} when a subclass's field of the same
   * name hides it.
   *
   * @param hiddenIn the declaring class to cast to, or null when the field is not hidden
   */
  record Field(String name, TypeName hiddenIn) implements Access {}

  /** {@code layer.method()}. */
  record Getter(String method) implements Access {}

  /** {@code Owner.name}. */
  record StaticField(ClassName owner, String name) implements Access {}
}
