package dev.kinit.processor.rules;

import com.palantir.javapoet.ClassName;
import dev.kinit.processor.model.Deprecation;
import dev.kinit.processor.model.Layer;
import dev.kinit.processor.model.Member;
import dev.kinit.processor.model.Rule;
import dev.kinit.processor.model.Site;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Validates a layer class as a front end declares it and builds its {@link Layer}: the one copy of
 * the rules, whichever front end (javac, KSP) read the source. Every problem goes to the {@link
 * Report}, which alone decides whether the layer is written; the layer returned is meaningful only
 * when it is {@linkplain Report#isClean() clean}.
 */
public final class LayerRules {

  private LayerRules() {}

  /** Checks {@code layer}, reporting into {@code report}. */
  public static Layer check(LayerDeclaration layer, Report report) {
    ClassName initializer = Layer.initializerName(layer.name());
    Set<Deprecation> deprecations = EnumSet.noneOf(Deprecation.class);
    deprecations.addAll(layer.deprecations());
    List<Member> members = new ArrayList<>();
    List<Rule.Group> rules = new ArrayList<>();
    layer.unresolvedSuperclass().ifPresent(report::defer);
    if (report.deferred().isEmpty()) {
      ChildRules children = new ChildRules(layer, initializer, report, deprecations);
      List<String> earlier = new ArrayList<>();
      Set<String> own = new HashSet<>();
      for (MemberDeclaration member : layer.members()) {
        constructedBefore(layer, member, earlier, report);
        if (member.own()) {
          own.add(member.name());
        }
        if (member instanceof ChildDeclaration child) {
          members.add(children.check(child));
        } else {
          FieldRules.check(
              layer, (FieldDeclaration) member, initializer, report, deprecations, members::add);
        }
        earlier.add(member.name());
      }
      orderedNonMembers(layer, own, report);
      ReinitRules reinits = new ReinitRules(layer, report);
      for (LayerDeclaration.RuleGroup group : layer.rules()) {
        rules.add(
            new Rule.Group(
                group.afterMembers(), group.rules().stream().map(reinits::check).toList()));
      }
    }
    return new Layer(
        layer.name(),
        layer.parameterType(),
        initializer,
        members,
        rules,
        deprecations,
        layer.site());
  }

  /**
   * Message CONSTRUCTED_BEFORE_UNKNOWN: {@code @ConstructedBefore} on a member (a child or a
   * parameter) must name one declared before it; {@code earlier}: those.
   */
  private static void constructedBefore(
      LayerDeclaration layer, MemberDeclaration member, List<String> earlier, Report report) {
    String before = member.constructedBefore().orElse(null);
    if (before != null && !earlier.contains(before)) {
      report.add(
          Message.CONSTRUCTED_BEFORE_UNKNOWN,
          member.own() ? member.constructedBeforeSite() : layer.site(),
          before,
          member.label(),
          member.label().substring(0, member.label().indexOf('.')));
    }
  }

  /**
   * Message CONSTRUCTED_BEFORE_NOT_A_MEMBER: {@code @ConstructedBefore} on a field that is not one
   * of the class's own {@code members} (their names) would have no effect.
   */
  private static void orderedNonMembers(
      LayerDeclaration layer, Set<String> members, Report report) {
    for (LayerDeclaration.OrderedField field : layer.orderedFields()) {
      if (!members.contains(field.name())) {
        report.add(
            Message.CONSTRUCTED_BEFORE_NOT_A_MEMBER,
            field.site(),
            field.label(),
            layer.name().simpleName());
      }
    }
  }

  /**
   * Checks a class that has fields with {@code @ConstructedBefore} but is neither a layer (no field
   * of its own has an initialisation annotation) nor a network: it has no members, so each of those
   * fields is reported, and nothing is built.
   */
  public static void checkNeitherLayerNorNetwork(LayerDeclaration type, Report report) {
    orderedNonMembers(type, Set.of(), report);
  }

  /**
   * Reports a kinit annotation on a declaration that is not a field ({@code what}: {@code "method
   * Linear.weight()"}): the compiler accepts it there only so that it can be reported here, while
   * the initializers of the valid classes are still generated.
   */
  public static void misplaced(InitAnnotation annotation, String what, Site site, Report report) {
    report.add(Message.NOT_A_FIELD, site, annotation.written(), what);
  }

  /**
   * Reports that the initializer's name is taken by another class, which keeps it from being
   * written.
   */
  public static void initializerNameTaken(Layer layer, Report report) {
    ClassName initializer = layer.initializer();
    report.add(
        Message.INITIALIZER_EXISTS,
        layer.site(),
        initializer.canonicalName(),
        layer.name().canonicalName(),
        initializer.simpleName(),
        initializer.packageName());
  }

  /** Reports a type that never resolved, once every processor has run. */
  public static void neverResolved(Unresolved unresolved, Report report) {
    report.add(
        Message.UNRESOLVED_TYPE, unresolved.site(), unresolved.type(), unresolved.neededBy());
  }
}
