package dev.kinit.processor.rules;

import com.palantir.javapoet.ClassName;
import dev.kinit.internal.Rules;
import dev.kinit.processor.model.Child;
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
      List<MemberDeclaration> earlier = new ArrayList<>();
      Set<String> own = new HashSet<>();
      for (MemberDeclaration member : layer.members()) {
        name(layer, member, earlier, report);
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
        earlier.add(member);
      }
      annotatedNonMembers(layer, own, report);
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
   * Messages NAME_INVALID, NAME_TAKEN: a member's {@code @Name} must be a name a path can hold (or
   * empty, on a container whose elements are then the module's own children, named by index), and
   * no two members of the class, {@code earlier} ones and superclasses' included, may have the same
   * name, nor a member an index where a container's elements take those (a name hidden by a field
   * of the same name stays the generated code's to tell apart).
   */
  private static void name(
      LayerDeclaration layer,
      MemberDeclaration member,
      List<MemberDeclaration> earlier,
      Report report) {
    String name = member.annotated(MemberAnnotation.NAME).orElse(null);
    Site site = member.own() ? member.annotationSite(MemberAnnotation.NAME) : layer.site();
    if (name != null && !Rules.isMemberName(name) && !isElements(member)) {
      report.add(Message.NAME_INVALID, site, name, member.label());
    }
    for (MemberDeclaration other : earlier) {
      boolean named = name != null || other.annotated(MemberAnnotation.NAME).isPresent();
      String path = member.pathName();
      String otherPath = other.pathName();
      String[] clash =
          !named
              ? null
              : path.equals(otherPath)
                  ? new String[] {member.label(), path, other.label()}
                  : isIndexed(member) && isIndex(otherPath)
                      ? new String[] {element(otherPath, member), otherPath, other.label()}
                      : isIndexed(other) && isIndex(path)
                          ? new String[] {member.label(), path, element(path, other)}
                          : null;
      if (clash != null) {
        report.add(
            Message.NAME_TAKEN,
            name != null ? site : other.own() ? other.annotationSite(MemberAnnotation.NAME) : site,
            clash[0],
            clash[1],
            clash[2],
            layer.name().simpleName());
        return;
      }
    }
  }

  /**
   * Whether {@code member} is a container named {@code ""}: its elements are its module's own
   * children, named by their index or key, as an {@code nn.Sequential} or {@code ModuleDict}
   * subclass holds them.
   */
  static boolean isElements(MemberDeclaration member) {
    return member.pathName().isEmpty()
        && member instanceof ChildDeclaration child
        && child.container() != Child.Container.ONE
        && child.container() != Child.Container.UNSUPPORTED;
  }

  /**
   * Whether {@code member} is a {@code List} or array named {@code ""}: its elements' names are
   * indices.
   */
  private static boolean isIndexed(MemberDeclaration member) {
    return isElements(member) && ((ChildDeclaration) member).container() != Child.Container.MAP;
  }

  /** Whether {@code name} is a container's index, {@code 0}, {@code 1}, …. */
  static boolean isIndex(String name) {
    return !name.isEmpty() && name.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  /** {@code element 0 of Net.blocks}, for messages. */
  private static String element(String index, MemberDeclaration container) {
    return "element " + index + " of " + container.label();
  }

  /**
   * Messages CONSTRUCTED_BEFORE_UNKNOWN, CONSTRUCTED_BEFORE_ELEMENTS: {@code @ConstructedBefore} on
   * a member (a child or a parameter) must name one declared before it, by its name in paths
   * ({@code earlier}: those), and be on a member with a name of its own.
   */
  private static void constructedBefore(
      LayerDeclaration layer,
      MemberDeclaration member,
      List<MemberDeclaration> earlier,
      Report report) {
    String before = member.constructedBefore().orElse(null);
    if (before != null && isElements(member)) {
      report.add(
          Message.CONSTRUCTED_BEFORE_ELEMENTS,
          member.own() ? member.annotationSite(MemberAnnotation.CONSTRUCTED_BEFORE) : layer.site(),
          member.label(),
          layer.name().simpleName());
    } else if (before != null
        && earlier.stream()
            .noneMatch(other -> !isElements(other) && other.pathName().equals(before))) {
      report.add(
          Message.CONSTRUCTED_BEFORE_UNKNOWN,
          member.own() ? member.annotationSite(MemberAnnotation.CONSTRUCTED_BEFORE) : layer.site(),
          before,
          member.label(),
          member.label().substring(0, member.label().indexOf('.')));
    }
  }

  /**
   * Messages CONSTRUCTED_BEFORE_NOT_A_MEMBER, NAME_NOT_A_MEMBER: a member annotation on a field
   * that is not one of the class's own {@code members} (their field names) would have no effect.
   */
  private static void annotatedNonMembers(
      LayerDeclaration layer, Set<String> members, Report report) {
    for (LayerDeclaration.AnnotatedField field : layer.annotatedFields()) {
      if (!members.contains(field.name())) {
        report.add(
            field.annotation() == MemberAnnotation.NAME
                ? Message.NAME_NOT_A_MEMBER
                : Message.CONSTRUCTED_BEFORE_NOT_A_MEMBER,
            field.site(),
            field.label(),
            layer.name().simpleName());
      }
    }
  }

  /**
   * Checks a class that has fields with a member annotation ({@code @ConstructedBefore},
   * {@code @Name}) but is neither a layer (no field of its own has an initialisation annotation)
   * nor a network: it has no members, so each of those fields is reported, and nothing is built.
   */
  public static void checkNeitherLayerNorNetwork(LayerDeclaration type, Report report) {
    annotatedNonMembers(type, Set.of(), report);
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
