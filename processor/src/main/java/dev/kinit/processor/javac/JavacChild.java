package dev.kinit.processor.javac;

import dev.kinit.processor.model.Child;
import dev.kinit.processor.model.Site;
import dev.kinit.processor.rules.ChildDeclaration;
import dev.kinit.processor.rules.MemberAnnotation;
import dev.kinit.processor.rules.ModuleDeclaration;
import dev.kinit.processor.rules.Reach;
import java.util.Optional;
import javax.lang.model.element.VariableElement;

/** A field of a network that holds a child module, read from javac's elements. */
final class JavacChild implements ChildDeclaration {

  private final VariableElement field;
  private final Modules.ChildType type;
  private final JavacLayer layer;

  JavacChild(VariableElement field, Modules.ChildType type, JavacLayer layer) {
    this.field = field;
    this.type = type;
    this.layer = layer;
  }

  @Override
  public String name() {
    return field.getSimpleName().toString();
  }

  @Override
  public String label() {
    return field.getEnclosingElement().getSimpleName() + "." + field.getSimpleName();
  }

  @Override
  public Site site() {
    return JavacSite.of(field);
  }

  @Override
  public boolean own() {
    return field.getEnclosingElement().equals(layer.element());
  }

  @Override
  public Reach reach() {
    return layer.reach().of(field);
  }

  @Override
  public Child.Container container() {
    return type.container();
  }

  @Override
  public ModuleDeclaration module() {
    return new JavacModule(type.module(), layer.modules());
  }

  @Override
  public Optional<String> annotated(MemberAnnotation annotation) {
    return MemberAnnotations.value(field, annotation);
  }

  @Override
  public Site annotationSite(MemberAnnotation annotation) {
    return MemberAnnotations.site(field, annotation);
  }
}
