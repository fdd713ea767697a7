package dev.kinit.processor.javac;

import dev.kinit.processor.model.Access;
import dev.kinit.processor.rules.Reach;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The getter through which generated code reads a field it cannot read directly: one the field's
 * own class declares, returning the field's type, under the conventional names ({@code getWeight},
 * or {@code weight} for a record component) or, for a Kotlin class, the property's real getter
 * ({@link KotlinMetadata}). A getter that a subclass overrides might return another array, and the
 * initializer would fill that one: it is not used, and the reason is given instead; one that a
 * subclass unknown here overrides is caught when the initializer runs.
 */
final class GetterLookup {

  private final Elements elements;
  private final Types types;
  private final Viewer viewer;

  GetterLookup(Elements elements, Types types, Viewer viewer) {
    this.elements = elements;
    this.types = types;
    this.viewer = viewer;
  }

  /** The conventional getter name of a field: {@code getWeight}. */
  static String conventionalName(String field) {
    return "get" + Character.toUpperCase(field.charAt(0)) + field.substring(1);
  }

  /**
   * How the initializer of {@code layer} reads {@code field} through its getter, or why it cannot;
   * empty if the field's class has no getter for it.
   */
  Optional<Reach> find(VariableElement field, TypeElement layer) {
    TypeElement owner = (TypeElement) field.getEnclosingElement();
    String name = field.getSimpleName().toString();
    List<String> candidates = new ArrayList<>();
    Optional<String> kotlinGetter = KotlinMetadata.getterOf(owner, name);
    if (kotlinGetter.isPresent() && !javaIdentifier(kotlinGetter.get())) {
      // kapt leaves such a getter out of its stubs: Java could not declare, nor call, it.
      return Optional.of(new Reach.GetterUncallable(kotlinGetter.get()));
    }
    kotlinGetter.ifPresent(candidates::add);
    if (candidates.isEmpty()) {
      candidates.add(conventionalName(name));
      candidates.add(name);
    }
    for (String candidate : candidates) {
      Optional<Reach> reach = find(field, owner, layer, candidate);
      if (reach.isPresent()) {
        return reach;
      }
    }
    return Optional.empty();
  }

  private Optional<Reach> find(
      VariableElement field, TypeElement owner, TypeElement layer, String name) {
    ExecutableElement getter = declaredMethod(owner, name);
    if (getter == null
        || getter.getModifiers().contains(Modifier.STATIC)
        || !types.isSameType(getter.getReturnType(), field.asType())) {
      return Optional.empty();
    }
    ExecutableElement called = memberMethod(layer, name);
    if (called != null && !called.equals(getter)) {
      TypeElement declaring = (TypeElement) called.getEnclosingElement();
      if (elements.overrides(called, getter, declaring)) {
        return Optional.of(
            new Reach.GetterOverridden(
                name,
                declaring.getSimpleName().toString(),
                field.getModifiers().contains(Modifier.PRIVATE)));
      }
    }
    if (!getter.equals(called) || !viewer.canAccess(getter, layer)) {
      // Not a method of the layer's that the initializer may call: private, or package-private
      // or protected in another package (then not even a member of the layer, or hidden).
      return Optional.of(
          new Reach.GetterInaccessible(name, access(getter), owner.getSimpleName().toString()));
    }
    return Optional.of(
        new Reach.Readable(
            new Access.Getter(name, elements.getBinaryName(owner).toString()),
            Deprecations.of(getter, elements)));
  }

  /**
   * The method {@code layer.name()} calls: a member of the layer (its own, or inherited and not
   * overridden), without parameters, not static.
   */
  private ExecutableElement memberMethod(TypeElement layer, String name) {
    ExecutableElement found = null;
    for (ExecutableElement method : ElementFilter.methodsIn(elements.getAllMembers(layer))) {
      if (method.getSimpleName().contentEquals(name)
          && method.getParameters().isEmpty()
          && !method.getModifiers().contains(Modifier.STATIC)
          && (found == null || isClassMethod(method) && !isClassMethod(found))) {
        found = method;
      }
    }
    return found;
  }

  private static boolean isClassMethod(ExecutableElement method) {
    return !method.getEnclosingElement().getKind().isInterface();
  }

  private static ExecutableElement declaredMethod(TypeElement type, String name) {
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      if (method.getSimpleName().contentEquals(name) && method.getParameters().isEmpty()) {
        return method;
      }
    }
    return null;
  }

  private static String access(ExecutableElement method) {
    if (method.getModifiers().contains(Modifier.PRIVATE)) {
      return "private";
    }
    return method.getModifiers().contains(Modifier.PROTECTED) ? "protected" : "package-private";
  }

  /** Whether Java source can call a method of this JVM name ({@code getSize-QmJnyn4} it cannot). */
  private static boolean javaIdentifier(String name) {
    return SourceVersion.isIdentifier(name) && !SourceVersion.isKeyword(name);
  }
}
