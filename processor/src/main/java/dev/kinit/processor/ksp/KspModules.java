package dev.kinit.processor.ksp;

import com.google.devtools.ksp.processing.Resolver;
import com.google.devtools.ksp.symbol.KSClassDeclaration;
import com.google.devtools.ksp.symbol.KSType;
import com.google.devtools.ksp.symbol.KSTypeArgument;
import com.google.devtools.ksp.symbol.KSTypeParameter;
import com.google.devtools.ksp.symbol.KSTypeReference;
import com.google.devtools.ksp.symbol.Modifier;
import com.google.devtools.ksp.symbol.Variance;
import com.palantir.javapoet.ClassName;
import dev.kinit.Network;
import dev.kinit.processor.model.Child;
import dev.kinit.processor.model.Layer;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import kotlin.sequences.SequencesKt;
import org.jspecify.annotations.Nullable;

/**
 * What KSP's types are as modules, as the javac front end's {@code Modules} decides it for javac's:
 * which classes have an initializer (a class with annotated fields, or a {@code @Network}; the
 * nearest such class of its hierarchy), which properties of a network hold child modules (one, a
 * {@code List} or an array), which types are sealed (Kotlin's {@code sealed}, Java's), and which
 * cannot be known. Holds what the declarations of one round share: the resolver and the sources.
 */
final class KspModules {

  /** The lists (Kotlin's {@code List}, {@code MutableList}, Java's), and what is below them. */
  private static final Set<String> LISTS =
      Set.of("kotlin.collections.List", "kotlin.collections.MutableList", "java.util.List");

  /** The classes whose instances hold their one type argument: iterables and optionals. */
  private static final Set<String> HOLDERS =
      Set.of("kotlin.collections.Iterable", "java.lang.Iterable", "java.util.Optional");

  /** How deep {@link #heldModule} looks: past any container a network could mean. */
  private static final int MAX_DEPTH = 8;

  /** The classes whose instances hold their second type argument: maps. */
  private static final Set<String> MAPS = Set.of("kotlin.collections.Map", "java.util.Map");

  /** A {@code ModuleDict}'s keys. */
  private static final Set<String> STRINGS = Set.of("kotlin.String", "java.lang.String");

  /** A property's type seen as a network's child: its container and its module type. */
  record ChildType(Child.Container container, KSType module) {}

  private final JvmView view;
  private final Set<String> sourceTypes;
  private final List<KSClassDeclaration> sourceModules;

  /**
   * @param sourceTypes the qualified names of this compilation's classes
   * @param sourceModules this compilation's classes that have an initializer, for telling an open
   *     type of modules from any other interface
   */
  KspModules(JvmView view, Set<String> sourceTypes, List<KSClassDeclaration> sourceModules) {
    this.view = view;
    this.sourceTypes = sourceTypes;
    this.sourceModules = sourceModules;
  }

  JvmView view() {
    return view;
  }

  Resolver resolver() {
    return view.resolver();
  }

  boolean inSources(KSClassDeclaration type) {
    return sourceTypes.contains(JvmView.qualifiedName(type));
  }

  static boolean isNetwork(KSClassDeclaration type) {
    return JvmView.has(type, Network.class.getCanonicalName());
  }

  /** Whether {@code type}'s class file declares a field with a kinit initialisation annotation. */
  static boolean declaresParameters(KSClassDeclaration type, JvmView view) {
    for (JvmField field : view.fields(type)) {
      if (!KspAnnotation.of(field.symbol()).isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /**
   * The class whose initializer initialises an instance of {@code type}: the nearest of its
   * hierarchy that is a network or declares parameters, if any.
   */
  Optional<KSClassDeclaration> initializerOwner(KSClassDeclaration type) {
    for (KSClassDeclaration t : JvmView.superclasses(type)) {
      if (isNetwork(t) || declaresParameters(t, view)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  static ClassName initializerOf(KSClassDeclaration owner) {
    return Layer.initializerName(KspTypes.className(owner));
  }

  /** Whether the initializer of {@code owner} exists or will be generated. */
  boolean initializerAvailable(KSClassDeclaration owner) {
    return inSources(owner)
        || resolver()
                .getClassDeclarationByName(
                    resolver().getKSNameFromString(initializerOf(owner).canonicalName()))
            != null;
  }

  /** Whether an interface or abstract class may hold modules an initializer cannot tell apart. */
  boolean isOpenTypeOfModules(KSClassDeclaration type) {
    if (initializerOwner(type).isPresent()) {
      return true;
    }
    for (KSClassDeclaration module : sourceModules) {
      if (!module.equals(type) && KspLookup.isSubclass(module, type)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The property's type as a child of a network: a module, a {@code List} of modules or an array of
   * them, or modules held in any other container ({@link Child.Container#UNSUPPORTED}, an error);
   * empty for any other type (a size, an activation, a list of numbers), which is not a member. A
   * type parameter stands for its bound ({@code C : Conv}: a {@code Conv}).
   */
  Optional<ChildType> childType(KSType property) {
    KSType type = boundOf(property);
    KSClassDeclaration declared = JvmView.classOf(type);
    if (declared == null) {
      return type.isError()
          ? Optional.of(new ChildType(Child.Container.ONE, type))
          : Optional.empty();
    }
    Optional<Child.Container> container = containerOf(declared);
    List<KSTypeArgument> arguments = type.getArguments();
    if (container.isEmpty() && isStringMap(declared, arguments)) {
      container = Optional.of(Child.Container.MAP);
      arguments = arguments.subList(1, 2); // its values
    }
    if (container.isEmpty() && isModule(type)) {
      return Optional.of(new ChildType(Child.Container.ONE, type));
    }
    if (container.isPresent()) {
      KSType element = elementOf(arguments);
      if (element != null && isModule(element)) {
        return Optional.of(new ChildType(container.get(), element));
      }
    }
    KSType held = heldModule(type, 0);
    return held == null
        ? Optional.empty()
        : Optional.of(new ChildType(Child.Container.UNSUPPORTED, held));
  }

  /**
   * A module type that a value of {@code type} holds inside containers, at any depth: an {@code
   * Array}'s elements, an {@code Iterable}'s (a {@code List}, a {@code Set}, any {@code
   * Collection}) or an {@code Optional}'s, a {@code Map}'s values; null if none. {@code depth}
   * stops a type that holds itself.
   */
  private @Nullable KSType heldModule(KSType type, int depth) {
    KSClassDeclaration declared = JvmView.classOf(type);
    if (depth > MAX_DEPTH || declared == null) {
      return null;
    }
    List<KSTypeArgument> arguments = type.getArguments();
    KSType content = null;
    if (arguments.size() == 2 && isA(declared, MAPS)) {
      content = elementOf(arguments.subList(1, 2));
    } else if (arguments.size() == 1
        && (JvmView.qualifiedName(declared).equals("kotlin.Array") || isA(declared, HOLDERS))) {
      content = elementOf(arguments);
    }
    if (content == null) {
      return null;
    }
    return isModule(content) ? content : heldModule(content, depth + 1);
  }

  /** Whether {@code type} is one of {@code names} or below one. */
  private static boolean isA(KSClassDeclaration type, Set<String> names) {
    if (names.contains(JvmView.qualifiedName(type))) {
      return true;
    }
    for (KSTypeReference supertype : SequencesKt.asIterable(type.getSuperTypes())) {
      KSClassDeclaration declared = JvmView.classOf(supertype.resolve());
      if (declared != null && isA(declared, names)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a type of this class is a container of modules, and which: an {@code Array}, or a
   * {@code List} (a raw one or one of another arity is neither a container nor a module).
   */
  private static Optional<Child.Container> containerOf(KSClassDeclaration type) {
    if (JvmView.qualifiedName(type).equals("kotlin.Array")) {
      return Optional.of(Child.Container.ARRAY);
    }
    return isA(type, LISTS) ? Optional.of(Child.Container.LIST) : Optional.empty();
  }

  /**
   * Whether a type of this class with these arguments is a {@code Map} with {@code String} keys.
   */
  private static boolean isStringMap(KSClassDeclaration type, List<KSTypeArgument> arguments) {
    if (arguments.size() != 2 || !isA(type, MAPS)) {
      return false;
    }
    KSType key = elementOf(arguments.subList(0, 1));
    KSClassDeclaration keyClass = key == null ? null : JvmView.classOf(key);
    return keyClass != null && STRINGS.contains(JvmView.qualifiedName(keyClass));
  }

  /** A single type argument's type: the argument, or the bound of {@code out T}; null for *. */
  private static @Nullable KSType elementOf(List<KSTypeArgument> arguments) {
    if (arguments.size() != 1) {
      return null;
    }
    KSTypeArgument argument = arguments.get(0);
    if (argument.getVariance() == Variance.STAR
        || argument.getVariance() == Variance.CONTRAVARIANT
        || argument.getType() == null) {
      return null;
    }
    return boundOf(argument.getType().resolve());
  }

  /**
   * A type parameter's first bound (the bound's, for a parameter bounded by one), else the type; an
   * unbounded parameter stays itself, no class and so no member.
   */
  private static KSType boundOf(KSType type) {
    KSType bound = type;
    while (bound.getDeclaration() instanceof KSTypeParameter parameter) {
      Iterator<KSTypeReference> bounds = SequencesKt.asIterable(parameter.getBounds()).iterator();
      if (!bounds.hasNext()) {
        break;
      }
      bound = bounds.next().resolve();
    }
    return bound;
  }

  /** Whether a single property of this type is a child: a module type, unknown yet, or open. */
  private boolean isModule(KSType type) {
    if (type.isError()) {
      return true; // unresolved: decided when it is
    }
    KSClassDeclaration declared = JvmView.classOf(type);
    if (declared == null) {
      return false;
    }
    if (initializerOwner(declared).isPresent()) {
      return true;
    }
    Optional<List<KSClassDeclaration>> permitted = permittedSubclasses(declared);
    if (permitted.isPresent()) {
      // A sealed type of modules: some permitted subclass is one (the others are empty modules).
      return permitted.get().stream()
          .anyMatch(subclass -> isModule(subclass.asStarProjectedType()));
    }
    return JvmView.isAbstract(declared) && isOpenTypeOfModules(declared);
  }

  /** The permitted subclasses of {@code type} if it is sealed: Kotlin's or Java's. */
  static Optional<List<KSClassDeclaration>> permittedSubclasses(KSClassDeclaration type) {
    if (!type.getModifiers().contains(Modifier.SEALED)) {
      return Optional.empty();
    }
    return Optional.of(SequencesKt.toList(type.getSealedSubclasses()));
  }
}
