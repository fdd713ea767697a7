package dev.kinit.processor.ksp;

import com.google.devtools.ksp.symbol.KSClassDeclaration;
import dev.kinit.processor.model.Site;
import dev.kinit.processor.rules.AnnotationUse;
import dev.kinit.processor.rules.FieldDeclaration;
import dev.kinit.processor.rules.FieldType;
import dev.kinit.processor.rules.MemberAnnotation;
import dev.kinit.processor.rules.Reach;
import java.util.List;
import java.util.Optional;

/**
 * A field of a layer class or of a superclass, read from KSP's symbols: a Kotlin property's backing
 * field, a Java field, or an enum entry.
 */
final class KspField implements FieldDeclaration {

  private final JvmField field;
  private final KspLayer layer;

  KspField(JvmField field, KspLayer layer) {
    this.field = field;
    this.layer = layer;
  }

  @Override
  public String name() {
    return field.name();
  }

  @Override
  public String label() {
    return declaringClass() + "." + field.name();
  }

  @Override
  public String id() {
    return KspTypes.binaryName(field.owner()) + "." + field.name();
  }

  @Override
  public String declaringClass() {
    return field.owner().getSimpleName().asString();
  }

  @Override
  public boolean own() {
    return field.owner().equals(layer.declaration());
  }

  @Override
  public boolean validatedWithItsClass() {
    return !own() && layer.modules().inSources(field.owner());
  }

  @Override
  public boolean isEnumConstant() {
    return field.isEnumConstant();
  }

  @Override
  public boolean isStatic() {
    return field.isStatic();
  }

  @Override
  public FieldType type() {
    if (field.isEnumConstant()) {
      return new FieldType(JvmView.qualifiedName(field.owner()), FieldType.Element.OTHER, 0);
    }
    return KspTypes.fieldType(field.property(), layer.modules().resolver());
  }

  @Override
  public List<AnnotationUse> annotations() {
    return KspAnnotation.of(field.symbol());
  }

  @Override
  public Site site() {
    return new KspSite(field.symbol());
  }

  @Override
  public Reach reach() {
    return layer.reach().of(field);
  }

  @Override
  public Reach reachFromItsClass(FieldDeclaration member) {
    return new KspReach(layer.modules().view(), field.owner()).of(((KspField) member).field);
  }

  @Override
  public Optional<FieldDeclaration> resolve(String name) {
    KSClassDeclaration owner = field.owner();
    KspLookup.Result result = KspLookup.inside(owner, layer.modules().view()).lookup(owner, name);
    if (result instanceof KspLookup.Result.Found found) {
      return Optional.of(new KspField(found.field(), layer));
    }
    if (result instanceof KspLookup.Result.Inaccessible inaccessible) {
      // It denotes that field, which the initializer cannot read: its reach says why.
      return Optional.of(new KspField(inaccessible.field(), layer));
    }
    return Optional.empty();
  }

  @Override
  public boolean isNullable() {
    return !field.isEnumConstant() && KspTypes.isNullable(field.property());
  }

  @Override
  public boolean isDeclaredBefore(FieldDeclaration other) {
    if (!(other instanceof KspField that) || !that.field.owner().equals(field.owner())) {
      return false;
    }
    List<JvmField> fields = layer.modules().view().fields(field.owner());
    return fields.indexOf(field) < fields.indexOf(that.field);
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
