package dev.kinit.processor.ksp;

import com.google.devtools.ksp.symbol.KSClassDeclaration;
import dev.kinit.processor.model.Access;
import dev.kinit.processor.model.Deprecation;
import dev.kinit.processor.rules.Reach;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.SourceVersion;

/**
 * How the generated initializer of a layer reads a field, by Java's rules over the class files
 * ({@link KspLookup}): resolved, never reported. As the javac front end does: the layer is viewed
 * as the first type, from the layer up to the field's class, that the initializer can name and
 * through which the name denotes that field unambiguously; a field that cannot be read so is read
 * through its getter, the Kotlin property's under its JVM name, else {@code getWeight()} or {@code
 * weight()}. A getter that a class between the field's and the layer overrides might return another
 * array: it is not used, and the reason is given instead.
 */
final class KspReach {

  private final JvmView view;
  private final KSClassDeclaration layer;
  private final KspLookup lookup;

  KspReach(JvmView view, KSClassDeclaration layer) {
    this.view = view;
    this.layer = layer;
    this.lookup = KspLookup.generatedIn(JvmView.packageName(layer), view);
  }

  /** The conventional getter name of a field: {@code getWeight}. */
  static String conventionalName(String field) {
    return "get" + Character.toUpperCase(field.charAt(0)) + field.substring(1);
  }

  /** How the initializer reads {@code field}, or why it cannot. */
  Reach of(JvmField field) {
    boolean constant = field.isStatic();
    String name = field.name();
    String problem = null;
    boolean accessible = false;
    for (KSClassDeclaration site : sites(field.owner(), constant)) {
      KspLookup.Result result = lookup.lookup(site, name);
      Optional<String> unnameable = lookup.whyUnnameable(site);
      accessible |= lookup.canAccess(field, site);
      if (result instanceof KspLookup.Result.Found found && found.field().equals(field)) {
        if (unnameable.isEmpty()) {
          return readable(field, site, constant);
        }
        problem = problem == null ? unnameable.get() : problem;
      } else if (result instanceof KspLookup.Result.Ambiguous ambiguous) {
        problem =
            problem == null
                ? "in "
                    + simpleName(site)
                    + " the name "
                    + name
                    + " is ambiguous, a field of "
                    + simpleName(ambiguous.first().owner())
                    + " and of "
                    + simpleName(ambiguous.second().owner())
                : problem;
      } else if (result instanceof KspLookup.Result.Found other) {
        problem =
            problem == null
                ? "in "
                    + simpleName(site)
                    + " the name "
                    + name
                    + " denotes "
                    + simpleName(other.field().owner())
                    + "."
                    + name
                : problem;
      }
    }
    Optional<Reach> getter = getter(field);
    boolean isPrivate = field.access() == JvmAccess.PRIVATE;
    if (getter.isPresent() && (isPrivate || !(getter.get() instanceof Reach.GetterInaccessible))) {
      return getter.get();
    }
    String conventional = conventionalName(name);
    if (isPrivate) {
      return new Reach.NoGetter(conventional, name);
    }
    if (accessible && problem != null) {
      return new Reach.Unnameable(problem);
    }
    return new Reach.NotAccessible(lookup.packageName(), conventional);
  }

  private static String simpleName(KSClassDeclaration type) {
    return type.getSimpleName().asString();
  }

  /**
   * The types through which the initializer may name the field: the layer and its superclasses up
   * to the field's class; for a constant also the interface that declares it.
   */
  private List<KSClassDeclaration> sites(KSClassDeclaration owner, boolean constant) {
    List<KSClassDeclaration> sites = new ArrayList<>();
    for (KSClassDeclaration type : JvmView.superclasses(layer)) {
      sites.add(type);
      if (type.equals(owner)) {
        return sites;
      }
    }
    if (constant) {
      sites.add(owner);
    }
    return sites;
  }

  private Reach readable(JvmField field, KSClassDeclaration site, boolean constant) {
    Set<Deprecation> deprecations = EnumSet.noneOf(Deprecation.class);
    deprecations.addAll(KspDeprecations.ofField(field));
    String name = field.name();
    if (constant) {
      deprecations.addAll(KspDeprecations.ofType(site));
      return new Reach.Readable(new Access.Constant(KspTypes.className(site), name), deprecations);
    }
    if (site.equals(layer)) {
      return new Reach.Readable(new Access.Field(name, null), deprecations);
    }
    deprecations.addAll(KspDeprecations.ofType(site));
    return new Reach.Readable(new Access.Field(name, KspTypes.withWildcards(site)), deprecations);
  }

  /**
   * How the initializer reads {@code field} through its getter, or why it cannot; empty if the
   * field's class has no getter for it.
   */
  private Optional<Reach> getter(JvmField field) {
    Optional<String> kotlinGetter = view.kotlinGetter(field);
    if (kotlinGetter.isPresent() && !javaIdentifier(kotlinGetter.get())) {
      // A value class's getter: Java could not declare, nor call, it.
      return Optional.of(new Reach.GetterUncallable(kotlinGetter.get()));
    }
    List<String> candidates =
        kotlinGetter.map(List::of).orElse(List.of(conventionalName(field.name()), field.name()));
    for (String candidate : candidates) {
      Optional<Reach> reach = getter(field, candidate);
      if (reach.isPresent()) {
        return reach;
      }
    }
    return Optional.empty();
  }

  private Optional<Reach> getter(JvmField field, String name) {
    KSClassDeclaration owner = field.owner();
    JvmMethod getter = declaredMethod(owner, name);
    if (getter == null
        || getter.isStatic()
        || !getter.descriptor().equals("()" + view.descriptor(field))) {
      return Optional.empty();
    }
    JvmMethod called = memberMethod(name);
    if (called != null && !called.equals(getter) && overrides(called, getter)) {
      return Optional.of(
          new Reach.GetterOverridden(
              name, simpleName(called.owner()), field.access() == JvmAccess.PRIVATE));
    }
    if (!getter.equals(called) || !lookup.canAccess(getter, layer)) {
      // Not a method of the layer's that the initializer may call: private, or package-private
      // or protected in another package (then not even a member of the layer, or hidden).
      return Optional.of(
          new Reach.GetterInaccessible(name, getter.access().written(), simpleName(owner)));
    }
    return Optional.of(
        new Reach.Readable(
            new Access.Getter(name, KspTypes.binaryName(owner)),
            KspDeprecations.of(getter.symbol())));
  }

  /**
   * The method {@code layer.name()} calls: the layer's own, else the nearest superclass's that it
   * inherits (not private), else an interface's; without parameters, not static.
   */
  private JvmMethod memberMethod(String name) {
    for (KSClassDeclaration type : JvmView.superclasses(layer)) {
      for (JvmMethod method : view.methods(type)) {
        if (method.name().equals(name)
            && !method.isStatic()
            && (type.equals(layer) || method.access() != JvmAccess.PRIVATE)) {
          return method;
        }
      }
    }
    for (KSClassDeclaration type : JvmView.superclasses(layer)) {
      for (KSClassDeclaration superinterface : JvmView.interfaces(type)) {
        for (JvmMethod method : view.methods(superinterface)) {
          if (method.name().equals(name) && !method.isStatic()) {
            return method;
          }
        }
      }
    }
    return null;
  }

  /** Whether {@code method}, a subclass's, overrides {@code overridden} (JLS 8.4.8.1). */
  private static boolean overrides(JvmMethod method, JvmMethod overridden) {
    if (overridden.access() == JvmAccess.PRIVATE
        || overridden.isStatic()
        || !KspLookup.isSubclass(method.owner(), overridden.owner())) {
      return false;
    }
    return overridden.access() != JvmAccess.PACKAGE
        || JvmView.packageName(method.owner()).equals(JvmView.packageName(overridden.owner()));
  }

  private JvmMethod declaredMethod(KSClassDeclaration type, String name) {
    for (JvmMethod method : view.methods(type)) {
      if (method.name().equals(name)) {
        return method;
      }
    }
    return null;
  }

  /** Whether Java source can call a method of this JVM name ({@code getSize-QmJnyn4} it cannot). */
  private static boolean javaIdentifier(String name) {
    return SourceVersion.isIdentifier(name) && !SourceVersion.isKeyword(name);
  }
}
