package dev.kinit.processor.rules;

import dev.kinit.processor.model.Site;
import java.util.List;
import java.util.Optional;

/**
 * A parameter a {@code @Reinit} rule reaches, seen as the field the rule's initialisation
 * annotation sits on, so that the rules of each initialisation apply to it as they do to a field:
 * problems are reported at the rule, under its description.
 */
final class RuleTarget implements FieldDeclaration {

  private final FieldDeclaration parameter;
  private final RuleDeclaration rule;
  private final AnnotationUse init;

  RuleTarget(FieldDeclaration parameter, RuleDeclaration rule, AnnotationUse init) {
    this.parameter = parameter;
    this.rule = rule;
    this.init = init;
  }

  @Override
  public String name() {
    return parameter.name();
  }

  @Override
  public String label() {
    return rule.description() + " on " + parameter.label();
  }

  @Override
  public String id() {
    return parameter.id();
  }

  @Override
  public String declaringClass() {
    return rule.declaringClass();
  }

  @Override
  public boolean own() {
    return true;
  }

  @Override
  public boolean validatedWithItsClass() {
    return false;
  }

  @Override
  public boolean isEnumConstant() {
    return false;
  }

  @Override
  public boolean isStatic() {
    return false;
  }

  @Override
  public boolean isNullable() {
    return parameter.isNullable();
  }

  @Override
  public FieldType type() {
    return parameter.type();
  }

  @Override
  public List<AnnotationUse> annotations() {
    return List.of(init);
  }

  @Override
  public Site site() {
    return rule.site();
  }

  @Override
  public Reach reach() {
    return parameter.reach();
  }

  /** A rule re-initialises a member, as it is named; it constructs none. */
  @Override
  public Optional<String> annotated(MemberAnnotation annotation) {
    return annotation == MemberAnnotation.NAME ? parameter.annotated(annotation) : Optional.empty();
  }

  @Override
  public Site annotationSite(MemberAnnotation annotation) {
    return site();
  }

  @Override
  public Reach reachFromItsClass(FieldDeclaration member) {
    return parameter.reachFromItsClass(member);
  }

  /** A rule names no members: its initialisation takes no per-instance attributes. */
  @Override
  public Optional<FieldDeclaration> resolve(String name) {
    return Optional.empty();
  }

  @Override
  public boolean isDeclaredBefore(FieldDeclaration other) {
    return false;
  }
}
