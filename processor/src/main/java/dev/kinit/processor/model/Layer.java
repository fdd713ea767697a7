package dev.kinit.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.kinit.internal.InitializerNames;
import java.util.List;
import java.util.Set;

/**
 * A class with annotated parameters, ready to have its initializer written: plain values that any
 * front end can fill, and a {@link Site} that says where it came from.
 *
 * @param name the class
 * @param parameterType the type of {@code initialize}'s parameter: the class, with {@code ?} for
 *     each type parameter (also of the enclosing classes of an inner class)
 * @param initializer the generated class: {@code Conv2dInitializer}, {@code Outer_InnerInitializer}
 * @param members the parameters (the arrays to fill) and, for a network, the child modules,
 *     superclasses' first, each class's in declaration order
 * @param rules a network's {@code @Reinit} rules, each class's after its members
 * @param deprecations the deprecation warnings the generated code must silence, because it names a
 *     deprecated class or member of the user's
 * @param site the class, the origin of the generated file
 */
public record Layer(
    ClassName name,
    TypeName parameterType,
    ClassName initializer,
    List<Member> members,
    List<Rule.Group> rules,
    Set<Deprecation> deprecations,
    Site site) {

  public Layer {
    members = List.copyOf(members);
    rules = List.copyOf(rules);
    deprecations = Set.copyOf(deprecations);
  }

  /** The parameters among the members, in order. */
  public List<Parameter> parameters() {
    return members.stream().filter(Parameter.class::isInstance).map(Parameter.class::cast).toList();
  }

  /** Whether it is a network: it has child modules or rules. */
  public boolean isNetwork() {
    return rules.stream().anyMatch(set -> !set.rules().isEmpty())
        || members.stream().anyMatch(Child.class::isInstance);
  }

  /** The initializer's name for {@code layer} ({@link InitializerNames}). */
  public static ClassName initializerName(ClassName layer) {
    return ClassName.get(layer.packageName(), InitializerNames.simpleName(layer.simpleNames()));
  }
}
