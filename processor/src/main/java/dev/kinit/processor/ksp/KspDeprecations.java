package dev.kinit.processor.ksp;

import com.google.devtools.ksp.symbol.KSAnnotated;
import com.google.devtools.ksp.symbol.KSAnnotation;
import com.google.devtools.ksp.symbol.KSClassDeclaration;
import com.google.devtools.ksp.symbol.KSValueArgument;
import dev.kinit.processor.model.Deprecation;
import java.util.EnumSet;
import java.util.Set;

/**
 * The deprecation warnings that naming a declaration in generated code gives: Kotlin's {@code
 * kotlin.Deprecated} marks the class file deprecated, as Java's {@code @Deprecated} does; only
 * Java's says {@code forRemoval}.
 */
final class KspDeprecations {

  private static final String KOTLIN = "kotlin.Deprecated";
  private static final String JAVA = "java.lang.Deprecated";

  private KspDeprecations() {}

  /** Of naming {@code declaration} (a property, field or function). */
  static Set<Deprecation> of(KSAnnotated declaration) {
    Set<Deprecation> found = EnumSet.noneOf(Deprecation.class);
    add(declaration, found);
    return found;
  }

  /** Of reading {@code field}. */
  static Set<Deprecation> ofField(JvmField field) {
    return of(field.symbol());
  }

  /** Of naming {@code type}, which names every class it is nested in. */
  static Set<Deprecation> ofType(KSClassDeclaration type) {
    Set<Deprecation> found = EnumSet.noneOf(Deprecation.class);
    for (KSClassDeclaration t = type; t != null; t = JvmView.enclosing(t)) {
      add(t, found);
    }
    return found;
  }

  private static void add(KSAnnotated declaration, Set<Deprecation> found) {
    for (KSAnnotation annotation :
        kotlin.sequences.SequencesKt.asIterable(declaration.getAnnotations())) {
      String name = JvmView.annotationName(annotation);
      if (name.equals(JAVA)) {
        for (KSValueArgument argument : annotation.getArguments()) {
          if (argument.getName() != null
              && argument.getName().asString().equals("forRemoval")
              && Boolean.TRUE.equals(argument.getValue())) {
            found.add(Deprecation.FOR_REMOVAL);
            return;
          }
        }
        found.add(Deprecation.DEPRECATED);
        return;
      } else if (name.equals(KOTLIN)) {
        found.add(Deprecation.DEPRECATED);
        return;
      }
    }
  }
}
