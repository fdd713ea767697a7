package dev.kinit.processor.javac;

import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import org.jspecify.annotations.Nullable;

/**
 * Java's access rules (JLS 6.6) for code in one place: a generated initializer, a top-level class
 * of its own in a package and related to nothing by inheritance; or the code of a user's class,
 * where the names of an annotation's attributes are resolved.
 */
final class Viewer {

  private final Elements elements;
  private final Types types;
  private final String packageName;

  /** The class whose code this is, or null for a generated initializer. */
  private final @Nullable TypeElement inside;

  private Viewer(Elements elements, Types types, String packageName, @Nullable TypeElement inside) {
    this.elements = elements;
    this.types = types;
    this.packageName = packageName;
    this.inside = inside;
  }

  /** A generated top-level class in package {@code packageName}. */
  static Viewer generatedIn(Elements elements, Types types, String packageName) {
    return new Viewer(elements, types, packageName, null);
  }

  /** The code of {@code type}. */
  static Viewer inside(Elements elements, Types types, TypeElement type) {
    return new Viewer(elements, types, packageOf(elements, type), type);
  }

  String packageName() {
    return packageName;
  }

  /**
   * Whether this code can access {@code member} (a field or method) as a member of {@code site},
   * the type it is accessed through (the member's class or a subclass of it).
   */
  boolean canAccess(Element member, TypeElement site) {
    TypeElement owner = (TypeElement) member.getEnclosingElement();
    if (member.getModifiers().contains(Modifier.PUBLIC)) {
      return true;
    }
    if (member.getModifiers().contains(Modifier.PRIVATE)) {
      // Accessible within its top-level class, but never inherited (javac's isInheritedIn): a
      // superclass's private field is no member of the subclass, even a nested one.
      return inside != null && owner.equals(site) && outermost(inside).equals(outermost(owner));
    }
    boolean samePackage = packageOf(elements, owner).equals(packageName);
    if (member.getModifiers().contains(Modifier.PROTECTED)) {
      return samePackage
          || inside != null
              && types.isSubtype(types.erasure(inside.asType()), types.erasure(owner.asType()));
    }
    return samePackage && inheritedWithinPackage(site, owner);
  }

  /**
   * A package-private member is inherited only through classes of its own package (javac's {@code
   * Symbol.isInheritedIn}): through a subclass in another package it is not a member.
   */
  private boolean inheritedWithinPackage(TypeElement site, TypeElement owner) {
    for (TypeElement type = site;
        type != null && !type.equals(owner);
        type = FieldLookup.declared(type.getSuperclass())) {
      if (!packageOf(elements, type).equals(packageName)) {
        return false;
      }
    }
    return true;
  }

  /** Why this code cannot name {@code type}, if it cannot: {@code "b.Base is not public in b"}. */
  Optional<String> whyUnnameable(TypeElement type) {
    for (Element e = type; e instanceof TypeElement level; e = e.getEnclosingElement()) {
      NestingKind nesting = level.getNestingKind();
      if (nesting == NestingKind.LOCAL || nesting == NestingKind.ANONYMOUS) {
        return Optional.of(
            level.getQualifiedName()
                + " is a "
                + nesting.name().toLowerCase(java.util.Locale.ROOT)
                + " class");
      }
      if (level.getModifiers().contains(Modifier.PRIVATE)
          || nesting == NestingKind.MEMBER && KotlinMetadata.isPrivate(level)) {
        return Optional.of(level.getQualifiedName() + " is private");
      }
      String levelPackage = packageOf(elements, level);
      if (!level.getModifiers().contains(Modifier.PUBLIC) && !levelPackage.equals(packageName)) {
        return Optional.of(level.getQualifiedName() + " is not public in " + levelPackage);
      }
    }
    return Optional.empty();
  }

  static String packageOf(Elements elements, Element element) {
    return elements.getPackageOf(element).getQualifiedName().toString();
  }

  private static TypeElement outermost(TypeElement type) {
    TypeElement outer = type;
    for (Element e = type; e instanceof TypeElement t; e = e.getEnclosingElement()) {
      outer = t;
    }
    return outer;
  }
}
