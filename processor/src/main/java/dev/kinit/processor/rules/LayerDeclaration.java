package dev.kinit.processor.rules;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.kinit.processor.model.Deprecation;
import dev.kinit.processor.model.Site;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A class with kinit-annotated fields, as a front end reads it. */
public interface LayerDeclaration {

  ClassName name();

  /** The type of the initializer's parameter (with wildcards for a generic class). */
  TypeName parameterType();

  /** The class, in the source. */
  Site site();

  /**
   * Why generated code in the class's package cannot name the class ({@code "a local class"}), if
   * it cannot.
   */
  Optional<String> unreachable();

  /** A superclass the compiler has not resolved yet, if any. */
  Optional<Unresolved> unresolvedSuperclass();

  /** The annotated fields, the superclasses' first, each class's in declaration order. */
  List<FieldDeclaration> annotatedFields();

  /** The deprecation warnings that naming the class gives. */
  Set<Deprecation> deprecations();
}
