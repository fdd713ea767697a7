package dev.kinit.processor.ksp;

import dev.kinit.processor.model.Child;
import dev.kinit.processor.model.Site;
import dev.kinit.processor.rules.ChildDeclaration;
import dev.kinit.processor.rules.MemberAnnotation;
import dev.kinit.processor.rules.ModuleDeclaration;
import dev.kinit.processor.rules.Reach;
import java.util.Optional;

/** A property of a network that holds a child module, read from KSP's symbols. */
final class KspChild implements ChildDeclaration {

  private final JvmField field;
  private final KspModules.ChildType type;
  private final KspLayer layer;

  KspChild(JvmField field, KspModules.ChildType type, KspLayer layer) {
    this.field = field;
    this.type = type;
    this.layer = layer;
  }

  @Override
  public String name() {
    return field.name();
  }

  @Override
  public String label() {
    return field.owner().getSimpleName().asString() + "." + field.name();
  }

  @Override
  public Site site() {
    return new KspSite(field.symbol());
  }

  @Override
  public boolean own() {
    return field.owner().equals(layer.declaration());
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
    return new KspModule(type.module(), layer.modules());
  }

  @Override
  public Optional<String> annotated(MemberAnnotation annotation) {
    return KspMemberAnnotations.value(field.symbol(), annotation);
  }

  @Override
  public Site annotationSite(MemberAnnotation annotation) {
    return KspMemberAnnotations.site(field.symbol(), annotation);
  }
}
