package dev.kinit.processor.javac;

import com.palantir.javapoet.ClassName;
import dev.kinit.processor.model.Access;
import dev.kinit.processor.model.Deprecation;
import dev.kinit.processor.rules.Reach;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * How the generated initializer of a layer reads a field: resolved, never reported. The expression
 * must denote exactly that field in the initializer's package, so the layer is viewed as the first
 * type, from the layer up to the field's class, that the initializer can name and through which the
 * name denotes that field unambiguously ({@code layer.weight}, {@code ((Base) layer).weight} when a
 * subclass's field hides it or an interface constant makes it ambiguous, {@code Layer.IN} for an
 * inherited constant of a class the initializer cannot name). A field that cannot be read so is
 * read through its getter ({@link GetterLookup}).
 */
final class MemberReach {

  private final Elements elements;
  private final TypeElement layer;
  private final Viewer viewer;
  private final FieldLookup lookup;
  private final GetterLookup getters;

  MemberReach(Elements elements, Types types, TypeElement layer) {
    this.elements = elements;
    this.layer = layer;
    this.viewer = Viewer.generatedIn(elements, types, Viewer.packageOf(elements, layer));
    this.lookup = new FieldLookup(viewer::canAccess);
    this.getters = new GetterLookup(elements, types, viewer);
  }

  /** How the initializer reads {@code field}, or why it cannot. */
  Reach of(VariableElement field) {
    boolean constant = field.getModifiers().contains(Modifier.STATIC);
    String name = field.getSimpleName().toString();
    TypeElement owner = (TypeElement) field.getEnclosingElement();
    String problem = null;
    boolean accessible = false;
    for (TypeElement site : sites(owner, constant)) {
      FieldLookup.Result result = lookup.lookup(site, name);
      Optional<String> unnameable = viewer.whyUnnameable(site);
      accessible |= viewer.canAccess(field, site);
      if (result instanceof FieldLookup.Result.Found found && found.field().equals(field)) {
        if (unnameable.isEmpty()) {
          return readable(field, site, constant);
        }
        problem = problem == null ? unnameable.get() : problem;
      } else if (result instanceof FieldLookup.Result.Ambiguous ambiguous) {
        problem =
            problem == null
                ? "in "
                    + site.getSimpleName()
                    + " the name "
                    + name
                    + " is ambiguous, a field of "
                    + ambiguous.first().getEnclosingElement().getSimpleName()
                    + " and of "
                    + ambiguous.second().getEnclosingElement().getSimpleName()
                : problem;
      } else if (result instanceof FieldLookup.Result.Found other) {
        problem =
            problem == null
                ? "in "
                    + site.getSimpleName()
                    + " the name "
                    + name
                    + " denotes "
                    + other.field().getEnclosingElement().getSimpleName()
                    + "."
                    + name
                : problem;
      }
    }
    Optional<Reach> getter = getters.find(field, layer);
    boolean isPrivate = field.getModifiers().contains(Modifier.PRIVATE);
    if (getter.isPresent() && (isPrivate || !(getter.get() instanceof Reach.GetterInaccessible))) {
      return getter.get();
    }
    // A field that is not private but not accessible either, with no getter the initializer can
    // call: [kinit.inaccessible-field] says so, without calling it private.
    String conventional = GetterLookup.conventionalName(name);
    if (isPrivate) {
      return new Reach.NoGetter(conventional, name);
    }
    if (accessible && problem != null) {
      return new Reach.Unnameable(problem);
    }
    return new Reach.NotAccessible(viewer.packageName(), conventional);
  }

  /**
   * The types through which the initializer may name the field: the layer and its superclasses up
   * to the field's class; for a constant also the interface that declares it.
   */
  private List<TypeElement> sites(TypeElement owner, boolean constant) {
    List<TypeElement> sites = new ArrayList<>();
    for (TypeElement type : FieldLookup.superclasses(layer)) {
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

  private Reach readable(VariableElement field, TypeElement site, boolean constant) {
    Set<Deprecation> deprecations = EnumSet.noneOf(Deprecation.class);
    deprecations.addAll(Deprecations.of(field, elements));
    String name = field.getSimpleName().toString();
    if (constant) {
      deprecations.addAll(Deprecations.ofType(site, elements));
      return new Reach.Readable(new Access.Constant(ClassName.get(site), name), deprecations);
    }
    if (site.equals(layer)) {
      return new Reach.Readable(new Access.Field(name, null), deprecations);
    }
    deprecations.addAll(Deprecations.ofType(site, elements));
    return new Reach.Readable(new Access.Field(name, TypeNames.withWildcards(site)), deprecations);
  }
}
