package dev.kinit.processor.ksp;

import com.google.devtools.ksp.symbol.KSClassDeclaration;
import com.google.devtools.ksp.symbol.KSDeclaration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Java's rules, over the class files as {@link JvmView} has them, for code in one place: a
 * generated initializer, a top-level class of its own in a package and related to nothing by
 * inheritance; or the code of a user's class, where the names of an annotation's attributes are
 * resolved. Access to members and classes (JLS 6.6), and what a field name denotes as a member of a
 * type (JLS 8.3, 15.11, as javac resolves it): a field the type declares hides every inherited one;
 * otherwise the superclass's and the superinterfaces' are looked up, two different fields found are
 * ambiguous, and one found but not accessible makes the lookup fail unless an accessible one is
 * found elsewhere. The javac front end applies the same rules to javac's elements.
 */
final class KspLookup {

  /** The outcome of a lookup. */
  sealed interface Result {
    /** The accessible field the name denotes. */
    record Found(JvmField field) implements Result {}

    /** The name denotes a field the code asking cannot access. */
    record Inaccessible(JvmField field) implements Result {}

    /** Two different inherited fields have the name. */
    record Ambiguous(JvmField first, JvmField second) implements Result {}

    /** No field has the name. */
    record Absent() implements Result {}
  }

  private final String packageName;

  /** The class whose code this is, or null for a generated initializer. */
  private final @Nullable KSClassDeclaration inside;

  private final JvmView view;

  private KspLookup(String packageName, @Nullable KSClassDeclaration inside, JvmView view) {
    this.packageName = packageName;
    this.inside = inside;
    this.view = view;
  }

  /** A generated top-level class in package {@code packageName}. */
  static KspLookup generatedIn(String packageName, JvmView view) {
    return new KspLookup(packageName, null, view);
  }

  /** The code of {@code type}. */
  static KspLookup inside(KSClassDeclaration type, JvmView view) {
    return new KspLookup(JvmView.packageName(type), type, view);
  }

  String packageName() {
    return packageName;
  }

  /** Whether this code can access {@code field} as a member of {@code site}. */
  boolean canAccess(JvmField field, KSClassDeclaration site) {
    return canAccess(field.owner(), field.access(), site);
  }

  boolean canAccess(JvmMethod method, KSClassDeclaration site) {
    return canAccess(method.owner(), method.access(), site);
  }

  /**
   * Whether this code can access a member of {@code owner} with access level {@code access} as a
   * member of {@code site}, the type it is accessed through (the owner or a subclass of it).
   */
  private boolean canAccess(KSClassDeclaration owner, JvmAccess access, KSClassDeclaration site) {
    switch (access) {
      case PUBLIC -> {
        return true;
      }
      case PRIVATE -> {
        // Never inherited, as in javac's Viewer: a superclass's private field is no member here.
        return inside != null
            && owner.equals(site)
            && JvmView.outermost(inside).equals(JvmView.outermost(owner));
      }
      case PROTECTED -> {
        return JvmView.packageName(owner).equals(packageName)
            || inside != null && isSubclass(inside, owner);
      }
      default -> {
        return JvmView.packageName(owner).equals(packageName)
            && inheritedWithinPackage(site, owner);
      }
    }
  }

  /**
   * A package-private member is inherited only through classes of its own package (javac's {@code
   * Symbol.isInheritedIn}): through a subclass in another package it is not a member.
   */
  private boolean inheritedWithinPackage(KSClassDeclaration site, KSClassDeclaration owner) {
    for (KSClassDeclaration type = site;
        type != null && !type.equals(owner);
        type = JvmView.superclass(type)) {
      if (!JvmView.packageName(type).equals(packageName)) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code type} is {@code ancestor} or a subclass or subinterface of it. */
  static boolean isSubclass(KSClassDeclaration type, KSClassDeclaration ancestor) {
    if (type.equals(ancestor)) {
      return true;
    }
    KSClassDeclaration superclass = JvmView.superclass(type);
    if (superclass != null && isSubclass(superclass, ancestor)) {
      return true;
    }
    return JvmView.interfaces(type).stream().anyMatch(i -> isSubclass(i, ancestor));
  }

  /** Why this code cannot name {@code type}, if it cannot: {@code "b.Base is not public in b"}. */
  Optional<String> whyUnnameable(KSClassDeclaration type) {
    for (KSDeclaration level = type; level != null; level = JvmView.enclosing(level)) {
      KSClassDeclaration levelType = (KSClassDeclaration) level;
      if (level.getParentDeclaration() != null && JvmView.enclosing(level) == null) {
        return Optional.of(level.getSimpleName().asString() + " is a local class");
      }
      JvmAccess access = JvmView.access(levelType);
      String name = JvmView.qualifiedName(level);
      if (access == JvmAccess.PRIVATE) {
        return Optional.of(name + " is private");
      }
      String levelPackage = JvmView.packageName(level);
      if (access != JvmAccess.PUBLIC && !levelPackage.equals(packageName)) {
        return Optional.of(name + " is not public in " + levelPackage);
      }
    }
    return Optional.empty();
  }

  /** What {@code name} denotes as a member of {@code site}. */
  Result lookup(KSClassDeclaration site, String name) {
    return lookup(site, site, name);
  }

  private Result lookup(KSClassDeclaration site, KSClassDeclaration type, String name) {
    for (JvmField field : view.fields(type)) {
      if (field.name().equals(name)) {
        return canAccess(field, site) ? new Result.Found(field) : new Result.Inaccessible(field);
      }
    }
    Result best = new Result.Absent();
    KSClassDeclaration superclass = JvmView.superclass(type);
    if (superclass != null) {
      best = better(best, lookup(site, superclass, name));
    }
    List<KSClassDeclaration> interfaces = JvmView.interfaces(type);
    for (KSClassDeclaration superinterface : interfaces) {
      if (best instanceof Result.Ambiguous) {
        break;
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
}
