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

  /**
   * The members: the annotated fields and, in a network, the fields that hold child modules; the
   * superclasses' first, each class's in declaration order.
   */
  List<MemberDeclaration> members();

  /**
   * Each member annotation ({@code @ConstructedBefore}, {@code @Name}) on a field the class itself
   * declares, members or not: on one that is no member the annotation would have no effect.
   */
  List<AnnotatedField> annotatedFields();

  /**
   * A member annotation on a field: which, the field's name, {@code Class.field} for messages, and
   * where the annotation is written.
   */
  record AnnotatedField(MemberAnnotation annotation, String name, String label, Site site) {}

  /**
   * The {@code @Reinit} rules of each class of the hierarchy that has some, superclass first, with
   * the number of members that precede them: a class's rules run after its members and its
   * superclasses' are constructed.
   */
  List<RuleGroup> rules();

  /** One class's rules. */
  record RuleGroup(int afterMembers, List<RuleDeclaration> rules) {}

  /** The class as a module, for the rules that walk the network's tree. */
  ModuleDeclaration asModule();

  /** The deprecation warnings that naming the class gives. */
  Set<Deprecation> deprecations();
}
