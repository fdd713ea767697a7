package dev.kinit.processor.model;

import com.palantir.javapoet.TypeName;
import org.jspecify.annotations.Nullable;

/**
 * How the generated initializer reads a value off the layer: a field, a getter, or a constant.
 * Resolved by a front end so that the expression means, in the initializer's package, exactly the
 * member the annotation names: through a cast where another field hides it or makes it ambiguous,
 * or where only a supertype can name it.
 */
public sealed interface Access {

  /**
   * {@code layer.name}, or {@code ((Via) layer).name}.
   *
   * @param via the type to view the layer as, or null to read it directly
   */
  record Field(String name, @Nullable TypeName via) implements Access {}

  /**
   * {@code layer.method()}. An array read so is checked at run time to be the field itself ({@code
   * dev.kinit.Getters}): a getter that returns a copy, or an override that returns another array,
   * would make the fill write into the wrong array.
   *
   * @param declaringClass the binary name of the class that declares the field and the getter
   */
  record Getter(String method, String declaringClass) implements Access {}

  /** {@code Owner.name}: a static {@code int} named by {@code shapeFields}. */
  record Constant(TypeName owner, String name) implements Access {}
}
