package dev.kinit.processor.javac;

import dev.kinit.processor.model.Site;
import dev.kinit.processor.rules.AnnotationUse;
import dev.kinit.processor.rules.FieldDeclaration;
import dev.kinit.processor.rules.FieldType;
import dev.kinit.processor.rules.MemberAnnotation;
import dev.kinit.processor.rules.Reach;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/** A field of a layer class or of a superclass, read from javac's elements. */
final class JavacField implements FieldDeclaration {

  private final VariableElement field;
  private final TypeElement owner;
  private final JavacLayer layer;

  JavacField(VariableElement field, JavacLayer layer) {
    this.field = field;
    this.owner = (TypeElement) field.getEnclosingElement();
    this.layer = layer;
  }

  @Override
  public String name() {
    return field.getSimpleName().toString();
  }

  @Override
  public String label() {
    return owner.getSimpleName() + "." + field.getSimpleName();
  }

  @Override
  public String id() {
    return layer.elements().getBinaryName(owner) + "." + field.getSimpleName();
  }

  @Override
  public String declaringClass() {
    return owner.getSimpleName().toString();
  }

  @Override
  public boolean own() {
    return owner.equals(layer.element());
  }

  @Override
  public boolean validatedWithItsClass() {
    return !own() && layer.isValidatedOnItsOwn(owner);
  }

  @Override
  public boolean isEnumConstant() {
    return field.getKind() == ElementKind.ENUM_CONSTANT;
  }

  @Override
  public boolean isStatic() {
    return field.getModifiers().contains(Modifier.STATIC);
  }

  @Override
  public FieldType type() {
    TypeMirror type = field.asType();
    int rank = 0;
    TypeMirror element = type;
    while (element.getKind() == TypeKind.ARRAY) {
      element = ((ArrayType) element).getComponentType();
      rank++;
    }
    FieldType.Element kind =
        switch (element.getKind()) {
          case FLOAT -> FieldType.Element.FLOAT;
          case DOUBLE -> FieldType.Element.DOUBLE;
          case INT -> FieldType.Element.INT;
          case ERROR -> FieldType.Element.UNRESOLVED;
          default -> FieldType.Element.OTHER;
        };
    return new FieldType(type.toString(), kind, rank);
  }

  @Override
  public List<AnnotationUse> annotations() {
    return JavacAnnotation.of(field, layer.elements());
  }

  @Override
  public Optional<String> annotated(MemberAnnotation annotation) {
    return MemberAnnotations.value(field, annotation);
  }

  @Override
  public Site annotationSite(MemberAnnotation annotation) {
    return MemberAnnotations.site(field, annotation);
  }

  @Override
  public Site site() {
    return JavacSite.of(field);
  }

  @Override
  public Reach reach() {
    return layer.reach().of(field);
  }

  @Override
  public Reach reachFromItsClass(FieldDeclaration member) {
    return new MemberReach(layer.elements(), layer.types(), owner).of(((JavacField) member).field);
  }

  @Override
  public Optional<FieldDeclaration> resolve(String name) {
    FieldLookup scope =
        new FieldLookup(Viewer.inside(layer.elements(), layer.types(), owner)::canAccess);
    FieldLookup.Result result = scope.lookup(owner, name);
    if (result instanceof FieldLookup.Result.Found found) {
      return Optional.of(new JavacField(found.field(), layer));
    }
    if (result instanceof FieldLookup.Result.Inaccessible inaccessible) {
      // It denotes that field, which the initializer cannot read: its reach says why.
      return Optional.of(new JavacField(inaccessible.field(), layer));
    }
    return Optional.empty();
  }

  @Override
  public boolean isNullable() {
    return nullable(field.getAnnotationMirrors())
        || nullable(field.asType().getAnnotationMirrors());
  }

  /** Whether one of {@code annotations} is a {@code Nullable} (JSpecify's, JetBrains', …). */
  private static boolean nullable(List<? extends AnnotationMirror> annotations) {
    return annotations.stream()
        .anyMatch(a -> a.getAnnotationType().asElement().getSimpleName().contentEquals("Nullable"));
  }

  @Override
  public boolean isDeclaredBefore(FieldDeclaration other) {
    if (!(other instanceof JavacField that) || !that.owner.equals(owner)) {
      return false;
    }
    List<?> members = owner.getEnclosedElements();
    return members.indexOf(field) < members.indexOf(that.field);
  }
}
