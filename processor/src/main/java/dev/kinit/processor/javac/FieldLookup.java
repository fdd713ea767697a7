package dev.kinit.processor.javac;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiPredicate;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import org.jspecify.annotations.Nullable;

/**
 * What a field name denotes as a member of a type, by Java's rules for field access (JLS 8.3,
 * 15.11), as javac resolves it: a field the type declares hides every inherited one; otherwise the
 * superclass's and the superinterfaces' are looked up, and two different fields found are
 * ambiguous. A field found but not accessible from the code asking makes the lookup fail unless an
 * accessible one is found elsewhere, as in javac.
 */
final class FieldLookup {

  /** The outcome of a lookup. */
  sealed interface Result {
    /** The accessible field the name denotes. */
    record Found(VariableElement field) implements Result {}

    /** The name denotes a field the code asking cannot access. */
    record Inaccessible(VariableElement field) implements Result {}

    /** Two different inherited fields have the name. */
    record Ambiguous(VariableElement first, VariableElement second) implements Result {}

    /** No field has the name. */
    record Absent() implements Result {}
  }

  private final BiPredicate<VariableElement, TypeElement> accessible;

  /**
   * @param accessible whether the code asking can access a field as a member of a site type
   */
  FieldLookup(BiPredicate<VariableElement, TypeElement> accessible) {
    this.accessible = accessible;
  }

  /** What {@code name} denotes as a member of {@code site}. */
  Result lookup(TypeElement site, String name) {
    return lookup(site, site, name);
  }

  private Result lookup(TypeElement site, TypeElement type, String name) {
    for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
      if (field.getSimpleName().contentEquals(name)) {
        return accessible.test(field, site)
            ? new Result.Found(field)
            : new Result.Inaccessible(field);
      }
    }
    Result best = new Result.Absent();
    TypeElement superclass = declared(type.getSuperclass());
    if (superclass != null) {
      best = better(best, lookup(site, superclass, name));
    }
    for (TypeMirror mirror : type.getInterfaces()) {
      if (best instanceof Result.Ambiguous) {
        break;
      }
      TypeElement superinterface = declared(mirror);
      if (superinterface == null) {
        continue;
      }
      Result found = lookup(site, superinterface, name);
      if (best instanceof Result.Found a
          && found instanceof Result.Found b
          && !Objects.equals(a.field(), b.field())) {
        best = new Result.Ambiguous(a.field(), b.field());
      } else {
        best = better(best, found);
      }
    }
    return best;
  }

  /** javac's ranking: a field found beats an ambiguity, which beats an inaccessible one. */
  private static Result better(Result a, Result b) {
    return rank(b) > rank(a) ? b : a;
  }

  private static int rank(Result result) {
    if (result instanceof Result.Found) {
      return 3;
    } else if (result instanceof Result.Ambiguous) {
      return 2;
    }
    return result instanceof Result.Inaccessible ? 1 : 0;
  }

  /** The class or interface a supertype mirror names, or null. */
  static @Nullable TypeElement declared(TypeMirror type) {
    if (type.getKind() != TypeKind.DECLARED) {
      return null;
    }
    TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
    return element.getKind() == ElementKind.CLASS
            && element.getQualifiedName().contentEquals("java.lang.Object")
        ? null
        : element;
  }

  /** The classes from {@code type} up to, not including, {@code java.lang.Object}. */
  static List<TypeElement> superclasses(TypeElement type) {
    List<TypeElement> chain = new ArrayList<>();
    for (TypeElement t = type; t != null; t = declared(t.getSuperclass())) {
      chain.add(t);
    }
    return chain;
  }
}
