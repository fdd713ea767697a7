package dev.kinit.processor.javac;

import com.palantir.javapoet.ClassName;
import com.sun.source.util.Trees;
import dev.kinit.Network;
import dev.kinit.processor.model.Child;
import dev.kinit.processor.model.Layer;
import dev.kinit.processor.rules.InitAnnotation;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import org.jspecify.annotations.Nullable;

/**
 * What javac's types are as modules: which classes have an initializer (a class with annotated
 * fields, or a {@code @Network}; the nearest such class of its hierarchy), which fields of a
 * network hold child modules (one, a {@code List} or an array), and which types cannot be known.
 */
final class Modules {

  /** How deep {@link #heldModule} looks: past any container a network could mean. */
  private static final int MAX_DEPTH = 8;

  /** A field's type seen as a network's child: its container and its module type. */
  record ChildType(Child.Container container, TypeMirror module) {}

  private final Elements elements;
  private final Types types;
  private final Predicate<TypeElement> inSources;
  private final Iterable<TypeElement> sourceModules;
  private final @Nullable Trees trees;

  /**
   * @param inSources whether a class is one of this compilation's sources
   * @param sourceModules this compilation's classes that have an initializer, for telling an open
   *     type of modules from any other interface
   */
  Modules(
      Elements elements,
      Types types,
      Predicate<TypeElement> inSources,
      Iterable<TypeElement> sourceModules,
      @Nullable Trees trees) {
    this.elements = elements;
    this.types = types;
    this.inSources = inSources;
    this.sourceModules = sourceModules;
    this.trees = trees;
  }

  /** javac's source trees, or null where it does not expose them. */
  @Nullable Trees trees() {
    return trees;
  }

  Elements elements() {
    return elements;
  }

  Types types() {
    return types;
  }

  boolean inSources(TypeElement type) {
    return inSources.test(type);
  }

  static boolean isNetwork(Element type) {
    return has(type, Network.class.getCanonicalName());
  }

  static boolean has(Element element, String annotation) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      if (mirror.getAnnotationType().toString().equals(annotation)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code type} declares a field with a kinit initialisation annotation. */
  static boolean declaresParameters(TypeElement type) {
    for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
      for (AnnotationMirror mirror : field.getAnnotationMirrors()) {
        if (InitAnnotation.named(mirror.getAnnotationType().toString()).isPresent()) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The class whose initializer initialises an instance of {@code type}: the nearest of its
   * hierarchy that is a network or declares parameters, if any.
   */
  static Optional<TypeElement> initializerOwner(TypeElement type) {
    for (TypeElement t : FieldLookup.superclasses(type)) {
      if (isNetwork(t) || declaresParameters(t)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  static ClassName initializerOf(TypeElement owner) {
    return Layer.initializerName(ClassName.get(owner));
  }

  /** Whether an interface or abstract class may hold modules an initializer cannot tell apart. */
  boolean isOpenTypeOfModules(TypeElement type) {
    if (initializerOwner(type).isPresent()) {
      return true;
    }
    for (TypeElement module : sourceModules) {
      if (!module.equals(type)
          && types.isSubtype(types.erasure(module.asType()), types.erasure(type.asType()))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The field's type as a child of a network: a module, a {@code List} of modules or an array of
   * them, or modules held in any other container ({@link Child.Container#UNSUPPORTED}, an error);
   * empty for any other type (a size, an activation, a list of numbers), which is not a member. A
   * type variable stands for its bound ({@code C extends Conv}: a {@code Conv}).
   */
  Optional<ChildType> childType(TypeMirror declared) {
    TypeMirror type = boundOf(declared);
    Optional<Child.Container> container = containerOf(type);
    if (container.isEmpty() && !isList(type) && isModule(type)) { // a raw List holds no modules
      return Optional.of(new ChildType(Child.Container.ONE, type));
    }
    if (container.isPresent()) {
      TypeMirror element = elementOf(type);
      if (element != null && isModule(element)) {
        return Optional.of(new ChildType(container.get(), element));
      }
    }
    TypeMirror held = heldModule(type, 0);
    return held == null
        ? Optional.empty()
        : Optional.of(new ChildType(Child.Container.UNSUPPORTED, held));
  }

  /**
   * A module type that a value of {@code type} holds inside containers, at any depth: an array's
   * elements, an {@code Iterable}'s (a {@code List}, a {@code Set}, any {@code Collection}) or an
   * {@code Optional}'s, a {@code Map}'s values; null if none. {@code depth} stops a type that holds
   * itself ({@code Path} is an {@code Iterable<Path>}).
   */
  private @Nullable TypeMirror heldModule(TypeMirror type, int depth) {
    if (depth > MAX_DEPTH) {
      return null;
    }
    for (TypeMirror content : contents(type)) {
      TypeMirror bound = boundOf(content);
      if (isModule(bound)) {
        return bound;
      }
      TypeMirror deeper = heldModule(bound, depth + 1);
      if (deeper != null) {
        return deeper;
      }
    }
    return null;
  }

  /** What a container of {@code type} holds ({@link #heldModule}); nothing for other types. */
  private List<TypeMirror> contents(TypeMirror type) {
    if (type instanceof ArrayType array) {
      return List.of(array.getComponentType());
    }
    if (type.getKind() != TypeKind.DECLARED) {
      return List.of();
    }
    List<? extends TypeMirror> arguments = ((DeclaredType) type).getTypeArguments();
    TypeMirror content = null;
    if (arguments.size() == 2 && isSubtype(type, "java.util.Map")) {
      content = argumentOf(arguments.get(1));
    } else if (arguments.size() == 1
        && (isSubtype(type, "java.lang.Iterable") || isSubtype(type, "java.util.Optional"))) {
      content = argumentOf(arguments.get(0));
    }
    return content == null ? List.of() : List.of(content);
  }

  private boolean isSubtype(TypeMirror type, String name) {
    TypeElement named = elements.getTypeElement(name);
    return named != null && types.isSubtype(types.erasure(type), types.erasure(named.asType()));
  }

  /**
   * Whether {@code type} is an array, a {@code List} (of one type argument) or a {@code Map} with
   * {@code String} keys (a {@code ModuleDict}), and which.
   */
  private Optional<Child.Container> containerOf(TypeMirror type) {
    if (type.getKind() == TypeKind.ARRAY) {
      return Optional.of(Child.Container.ARRAY);
    }
    if (isList(type) && ((DeclaredType) type).getTypeArguments().size() == 1) {
      return Optional.of(Child.Container.LIST);
    }
    return isStringMap(type) ? Optional.of(Child.Container.MAP) : Optional.empty();
  }

  /** Whether {@code type} is {@code java.util.Map} or below it, its keys {@code String}s. */
  private boolean isStringMap(TypeMirror type) {
    if (type.getKind() != TypeKind.DECLARED || !isSubtype(type, "java.util.Map")) {
      return false;
    }
    List<? extends TypeMirror> arguments = ((DeclaredType) type).getTypeArguments();
    TypeMirror key = arguments.size() == 2 ? argumentOf(arguments.get(0)) : null;
    return key != null
        && types.isSameType(key, elements.getTypeElement("java.lang.String").asType());
  }

  /** Whether {@code type} is {@code java.util.List} or below it, with any type arguments. */
  private boolean isList(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED && isSubtype(type, "java.util.List");
  }

  /**
   * The elements' type of a container ({@link #containerOf}), a type variable's bound for the
   * variable; null for a list of {@code ?}.
   */
  private static @Nullable TypeMirror elementOf(TypeMirror container) {
    List<? extends TypeMirror> arguments =
        container instanceof DeclaredType declared ? declared.getTypeArguments() : List.of();
    TypeMirror element =
        container instanceof ArrayType array
            ? array.getComponentType()
            : argumentOf(arguments.get(arguments.size() - 1)); // a Map's values
    return element == null ? null : boundOf(element);
  }

  /** A type variable's upper bound (the bound's, for a variable bounded by one), else the type. */
  private static TypeMirror boundOf(TypeMirror type) {
    TypeMirror bound = type;
    while (bound instanceof TypeVariable variable) {
      bound = variable.getUpperBound();
    }
    return bound;
  }

  /** A list's element type: the argument, or the upper bound of {@code ? extends T}. */
  private static @Nullable TypeMirror argumentOf(TypeMirror argument) {
    if (argument instanceof WildcardType wildcard) {
      return wildcard.getExtendsBound();
    }
    return argument;
  }

  /** Whether a single field of this type is a child: a module type, unknown yet, or open. */
  private boolean isModule(TypeMirror type) {
    if (type.getKind() == TypeKind.ERROR) {
      return true; // unresolved: decided when it is
    }
    if (type.getKind() != TypeKind.DECLARED) {
      return false;
    }
    TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
    if (initializerOwner(element).isPresent()) {
      return true;
    }
    Optional<List<TypeMirror>> permitted = permittedSubclasses(element);
    if (permitted.isPresent()) {
      // A sealed type of modules: some permitted subclass is one (the others are empty modules).
      return permitted.get().stream().anyMatch(this::isModule);
    }
    return isAbstract(element) && isOpenTypeOfModules(element);
  }

  /**
   * The permitted subclasses of {@code type} if it is sealed: a Java {@code sealed} type, or a
   * Kotlin one, whose subclasses only its metadata lists.
   */
  Optional<List<TypeMirror>> permittedSubclasses(TypeElement type) {
    if (type.getModifiers().contains(Modifier.SEALED)) {
      return Optional.of(List.copyOf(type.getPermittedSubclasses()));
    }
    return KotlinMetadata.sealedSubclasses(type)
        .map(
            names ->
                names.stream()
                    .map(elements::getTypeElement)
                    .filter(Objects::nonNull)
                    .map(TypeElement::asType)
                    .toList());
  }

  static boolean isAbstract(TypeElement type) {
    return type.getKind() == ElementKind.INTERFACE
        || type.getModifiers().contains(Modifier.ABSTRACT);
  }
}
