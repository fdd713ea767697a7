package dev.kinit.processor;

import dev.kinit.processor.LayerCase.Visibility;
import dev.kinit.processor.rules.Message;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The classes of a generated case as Java's rules for member names and access see them (JLS 6.6,
 * 8.2–8.4, 15.11): what a simple name denotes as a member of a type, and, from there, how the rules
 * users are given (README, {@code docs/diagnostics.md}) let a generated initializer read a member
 * of a layer. The oracle's model, built from a case's declarations; nothing here asks the
 * processor.
 */
final class JavaMembers {

  /**
   * A class or interface.
   *
   * @param name its binary name
   * @param pkg its package
   * @param outermost the top-level class it is in (itself if top-level), for private access
   * @param publicPath whether it and every class it is nested in are public
   * @param reachable whether code outside it can name it at all (no private, local or anonymous
   *     class on the way)
   * @param superclass the binary name of its superclass of the case, or null
   * @param interfaces the binary names of its interfaces of the case
   */
  record Type(
      String name,
      String simpleName,
      String pkg,
      String outermost,
      boolean publicPath,
      boolean reachable,
      boolean isInterface,
      String superclass,
      List<String> interfaces) {}

  /**
   * A field.
   *
   * @param type its declared type's source text: {@code float[][]}, {@code int}
   */
  record Var(String owner, String name, Visibility visibility, boolean isStatic, String type) {}

  /**
   * A method (getters and their overrides are all the cases declare).
   *
   * @param sameArray whether each call returns the same object (a field), rather than a new array
   */
  record Method(
      String owner,
      String name,
      Visibility visibility,
      boolean isStatic,
      boolean isFinal,
      String returnType,
      boolean hasParameters,
      boolean sameArray) {}

  /** What a name denotes as a member of a type. */
  sealed interface Lookup {
    /** An accessible field. */
    record Found(Var field) implements Lookup {}

    /** A field the code asking cannot access: javac reports "has private access". */
    record Inaccessible(Var field) implements Lookup {}

    /** Two different inherited fields: javac reports "reference to x is ambiguous". */
    record Ambiguous(Var first, Var second) implements Lookup {}

    /** No field of that name. */
    record Absent() implements Lookup {}
  }

  /**
   * Where code is: in package {@code pkg}, inside class {@code inside} (a binary name), or in a
   * generated initializer, a top-level class of its own related to nothing ({@code inside} null).
   */
  record Viewer(String pkg, String inside) {}

  /**
   * How an initializer reads a member: directly (the field, maybe through a cast or a class name),
   * through its getter, or not at all, and why ({@code problem}, said as the message the rules give
   * an array field).
   *
   * @param getter the getter it is read through, or null
   * @param site the type through which a field is read directly, else null
   */
  record Reading(Message problem, Method getter, String site) {
    Reading(Message problem, Method getter) {
      this(problem, getter, null);
    }

    boolean readable() {
      return problem == null;
    }

    boolean throughGetter() {
      return getter != null;
    }
  }

  private final Map<String, Type> types = new HashMap<>();
  private final Map<String, List<Var>> fields = new HashMap<>();
  private final Map<String, List<Method>> methods = new HashMap<>();

  void add(Type type) {
    types.put(type.name(), type);
    fields.putIfAbsent(type.name(), new ArrayList<>());
    methods.putIfAbsent(type.name(), new ArrayList<>());
  }

  void add(Var field) {
    fields.get(field.owner()).add(field);
  }

  /** Adds {@code method}; null (no method) is ignored. */
  void add(Method method) {
    if (method != null) {
      methods.get(method.owner()).add(method);
    }
  }

  Type type(String name) {
    return Objects.requireNonNull(types.get(name), name);
  }

  /** The field {@code name} that {@code type} itself declares, or null. */
  Var declared(String type, String name) {
    return fields.get(type).stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
  }

  /**
   * What {@code name} denotes as a member of {@code site} for code at {@code viewer}, as javac
   * resolves it (JLS 8.3, 15.11.1): a field the type declares, accessible or not, ends the search
   * up that branch; else its superclass and interfaces are searched, an accessible field found
   * beats an inaccessible one, and two different accessible ones are ambiguous.
   */
  Lookup lookup(String site, String name, Viewer viewer) {
    return lookup(site, site, name, viewer);
  }

  private Lookup lookup(String site, String type, String name, Viewer viewer) {
    Var own = declared(type, name);
    if (own != null) {
      return accessible(own, site, viewer) ? new Lookup.Found(own) : new Lookup.Inaccessible(own);
    }
    Lookup best = new Lookup.Absent();
    Type t = type(type);
    if (t.superclass() != null) {
      best = better(best, lookup(site, t.superclass(), name, viewer));
    }
    for (String superinterface : t.interfaces()) {
      if (best instanceof Lookup.Ambiguous) {
        break;
      }
      Lookup found = lookup(site, superinterface, name, viewer);
      if (best instanceof Lookup.Found a
          && found instanceof Lookup.Found b
          && !a.field().equals(b.field())) {
        best = new Lookup.Ambiguous(a.field(), b.field());
      } else {
        best = better(best, found);
      }
    }
    return best;
  }

  private static Lookup better(Lookup a, Lookup b) {
    return rank(b) > rank(a) ? b : a;
  }

  private static int rank(Lookup lookup) {
    if (lookup instanceof Lookup.Found) {
      return 3;
    } else if (lookup instanceof Lookup.Ambiguous) {
      return 2;
    }
    return lookup instanceof Lookup.Inaccessible ? 1 : 0;
  }

  /**
   * JLS 6.6.1 and 6.6.2: whether code at {@code viewer} may access {@code field} as a member of
   * {@code site}. A private member only inside its top-level class, and only as a member of its own
   * class (it is not inherited); a package-private one only from its package, and through classes
   * of its package (it is not inherited by classes of another); a protected one from its package or
   * from the code of a subclass.
   */
  boolean accessible(Var field, String site, Viewer viewer) {
    Type owner = type(field.owner());
    return switch (field.visibility()) {
      case PUBLIC -> true;
      case PRIVATE ->
          viewer.inside() != null
              && type(viewer.inside()).outermost().equals(owner.outermost())
              && site.equals(owner.name());
      case PACKAGE -> owner.pkg().equals(viewer.pkg()) && inheritedWithinPackage(site, owner);
      case PROTECTED ->
          owner.pkg().equals(viewer.pkg())
              || viewer.inside() != null && isSubclass(viewer.inside(), owner.name());
    };
  }

  /** Whether every class from {@code site} up to {@code owner} is in {@code owner}'s package. */
  private boolean inheritedWithinPackage(String site, Type owner) {
    for (String t = site; t != null && !t.equals(owner.name()); t = type(t).superclass()) {
      if (!type(t).pkg().equals(owner.pkg())) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code type} is {@code ancestor} or a subclass of it. */
  boolean isSubclass(String type, String ancestor) {
    for (String t = type; t != null; t = type(t).superclass()) {
      if (t.equals(ancestor)) {
        return true;
      }
    }
    return false;
  }

  /** JLS 6.6.1: whether code in {@code pkg} can name {@code type}. */
  boolean nameable(String type, String pkg) {
    Type t = type(type);
    return t.reachable() && (t.publicPath() || t.pkg().equals(pkg));
  }

  /**
   * How the initializer of {@code layer}, a top-level class in its package, reads {@code field}.
   *
   * <p>Directly if some type from the layer up to the field's class (for a constant, also the
   * interface declaring it) can be named from that package and the field's name denotes that very
   * field as a member of it: the initializer casts to that type or names it ({@code diagnostics.md}
   * on {@code [kinit.field-unnameable]}). Otherwise through a getter its class declares, by one of
   * {@code getterNames}, without parameters, not static, returning the field's type (README),
   * unless a class below that one overrides it ({@code [kinit.getter-overridden]}); a private field
   * whose getter the initializer cannot call is {@code [kinit.getter-inaccessible]}. Without a
   * getter it can call: a private field is {@code [kinit.private-without-getter]}, one accessible
   * through a type the initializer cannot name {@code [kinit.field-unnameable]}, any other {@code
   * [kinit.inaccessible-field]}.
   */
  Reading read(Var field, String layer, List<String> getterNames) {
    String pkg = type(layer).pkg();
    Viewer generated = new Viewer(pkg, null);
    List<String> sites = new ArrayList<>();
    for (String t = layer; t != null; t = type(t).superclass()) {
      sites.add(t);
      if (t.equals(field.owner())) {
        break;
      }
    }
    if (field.isStatic() && !sites.contains(field.owner())) {
      sites.add(field.owner()); // a constant of an interface, named by the interface
    }
    boolean accessible = false;
    for (String site : sites) {
      accessible |= accessible(field, site, generated);
      if (lookup(site, field.name(), generated) instanceof Lookup.Found found
          && found.field().equals(field)
          && nameable(site, pkg)) {
        return new Reading(null, null, site);
      }
    }
    Method getter = getter(field, getterNames);
    if (getter != null) {
      if (overridden(getter, layer)) {
        return new Reading(Message.GETTER_OVERRIDDEN, getter);
      }
      if (callable(getter, layer, pkg)) {
        return new Reading(null, getter);
      }
      if (field.visibility() == Visibility.PRIVATE) {
        return new Reading(Message.GETTER_INACCESSIBLE, getter);
      }
      // diagnostics.md: a field "neither public nor readable through a public getter".
    }
    if (field.visibility() == Visibility.PRIVATE) {
      return new Reading(Message.PRIVATE_WITHOUT_GETTER, null);
    }
    return new Reading(accessible ? Message.FIELD_UNNAMEABLE : Message.INACCESSIBLE_FIELD, null);
  }

  /** The getter the field's class declares for it, trying {@code names} in order, or null. */
  Method getter(Var field, List<String> names) {
    for (String name : names) {
      for (Method method : methods.get(field.owner())) {
        if (method.name().equals(name)
            && !method.hasParameters()
            && !method.isStatic()
            && method.returnType().equals(field.type())) {
          return method;
        }
      }
    }
    return null;
  }

  /**
   * Whether a class below the getter's, up to {@code layer}, overrides it (JLS 8.4.8.1: an instance
   * method of the same signature, where the getter is not private and, if package-private, the
   * overriding class is in its package).
   */
  boolean overridden(Method getter, String layer) {
    Type owner = type(getter.owner());
    for (String t = layer; t != null && !t.equals(owner.name()); t = type(t).superclass()) {
      for (Method method : methods.get(t)) {
        boolean overrides =
            method.name().equals(getter.name())
                && !method.hasParameters()
                && !method.isStatic()
                && getter.visibility() != Visibility.PRIVATE
                && (getter.visibility() != Visibility.PACKAGE || type(t).pkg().equals(owner.pkg()));
        if (overrides) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether the initializer, in {@code pkg}, can call {@code getter} on a {@code layer}: public;
   * protected or package-private from the getter's own package (and, package-private, inherited
   * through classes of that package).
   */
  private boolean callable(Method getter, String layer, String pkg) {
    Type owner = type(getter.owner());
    return switch (getter.visibility()) {
      case PUBLIC -> true;
      case PRIVATE -> false;
      case PROTECTED -> owner.pkg().equals(pkg);
      case PACKAGE -> owner.pkg().equals(pkg) && inheritedWithinPackage(layer, owner);
    };
  }
}
