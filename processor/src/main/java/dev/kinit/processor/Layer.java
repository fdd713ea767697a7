package dev.kinit.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.util.List;
import javax.lang.model.element.TypeElement;

/**
 * A class with {@code @KaimingInit} fields, ready to have its initializer written.
 *
 * @param element the class, the generated file's originating element
 * @param type the parameter type of {@code initialize} (with wildcards for a generic class)
 * @param initializer the generated class: {@code Conv2dInitializer}, {@code Outer_InnerInitializer}
 * @param fields the fields to fill, superclasses' first, each in declaration order
 */
record Layer(TypeElement element, TypeName type, ClassName initializer, List<WeightField> fields) {

  /** The initializer's name for {@code layer}: its nested simple names joined by '_'. */
  static ClassName initializerName(ClassName layer) {
    return ClassName.get(
        layer.packageName(), String.join("_", layer.simpleNames()) + "Initializer");
  }
}
