package dev.kinit.processor.rules;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.List;

/** A type used as a module, the declared type of a network's child (or a list's element). */
public interface ModuleDeclaration {

  /** What a type is, as a module. */
  enum Kind {
    /** A class with annotated parameters, or a network: its initializer's {@code plan}. */
    INITIALIZED,
    /** A class without parameters: an empty module (it still counts in a list's indices). */
    PARAMETERLESS,
    /** A sealed type: dispatched over its permitted subclasses. */
    SEALED,
    /**
     * An interface or abstract class that is not sealed, though modules are among its subtypes:
     * which initializer an instance needs cannot be known at compile time.
     */
    OPEN,
    /** A type the compiler has not resolved yet. */
    UNRESOLVED
  }

  /** The simple name, for messages. */
  String name();

  /** The type generated code names, with wildcards for type parameters. */
  TypeName type();

  Kind kind();

  /** The initializer of an {@link Kind#INITIALIZED} module. */
  ClassName initializer();

  /**
   * Whether the initializer exists or will be generated: false for a class from a library that was
   * compiled without the processor.
   */
  boolean initializerAvailable();

  /** The permitted subclasses of a {@link Kind#SEALED} type, each as a module. */
  List<ModuleDeclaration> permitted();

  /** Its parameter fields and child modules, superclasses' first, in declaration order. */
  List<MemberDeclaration> members();

  /** Its parameter fields, superclasses' first: for checking the rules that reach them. */
  default List<FieldDeclaration> parameters() {
    List<FieldDeclaration> parameters = new ArrayList<>();
    for (MemberDeclaration member : members()) {
      if (member instanceof FieldDeclaration field) {
        parameters.add(field);
      }
    }
    return parameters;
  }

  /** Its child modules, if it is a network. */
  default List<ChildDeclaration> children() {
    List<ChildDeclaration> children = new ArrayList<>();
    for (MemberDeclaration member : members()) {
      if (member instanceof ChildDeclaration child) {
        children.add(child);
      }
    }
    return children;
  }
}
