package dev.kinit.processor.javac;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.kinit.processor.model.Deprecation;
import dev.kinit.processor.model.Site;
import dev.kinit.processor.rules.FieldDeclaration;
import dev.kinit.processor.rules.LayerDeclaration;
import dev.kinit.processor.rules.Unresolved;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** A class with kinit-annotated fields, read from javac's elements. */
public final class JavacLayer implements LayerDeclaration {

  private final TypeElement type;
  private final Elements elements;
  private final Types types;
  private final Predicate<TypeElement> validatedOnItsOwn;
  private final MemberReach reach;

  /**
   * @param validatedOnItsOwn whether a class is one this compilation validates itself (a source
   *     class with annotated fields), so that its fields' problems are reported there
   */
  public JavacLayer(
      TypeElement type, Elements elements, Types types, Predicate<TypeElement> validatedOnItsOwn) {
    this.type = type;
    this.elements = elements;
    this.types = types;
    this.validatedOnItsOwn = validatedOnItsOwn;
    this.reach = new MemberReach(elements, types, type);
  }

  TypeElement element() {
    return type;
  }

  Elements elements() {
    return elements;
  }

  Types types() {
    return types;
  }

  MemberReach reach() {
    return reach;
  }

  boolean isValidatedOnItsOwn(TypeElement other) {
    return validatedOnItsOwn.test(other);
  }

  @Override
  public ClassName name() {
    return ClassName.get(type);
  }

  @Override
  public TypeName parameterType() {
    return TypeNames.withWildcards(type);
  }

  @Override
  public Site site() {
    return JavacSite.of(type);
  }

  @Override
  public Optional<String> unreachable() {
    for (Element e = type; e instanceof TypeElement level; e = e.getEnclosingElement()) {
      NestingKind nesting = level.getNestingKind();
      if (nesting == NestingKind.LOCAL || nesting == NestingKind.ANONYMOUS) {
        return Optional.of("a " + nesting.name().toLowerCase(Locale.ROOT) + " class");
      }
      if (level.getModifiers().contains(Modifier.PRIVATE)
          || nesting == NestingKind.MEMBER && KotlinProperties.isPrivate(level)) {
        return Optional.of("private nested class " + level.getQualifiedName());
      }
    }
    return Optional.empty();
  }

  @Override
  public Optional<Unresolved> unresolvedSuperclass() {
    for (TypeElement t = type; t != null; t = FieldLookup.declared(t.getSuperclass())) {
      TypeMirror superclass = t.getSuperclass();
      if (superclass.getKind() == TypeKind.ERROR) {
        return Optional.of(
            new Unresolved(site(), superclass.toString(), "superclass of " + t.getSimpleName()));
      }
    }
    return Optional.empty();
  }

  @Override
  public List<FieldDeclaration> annotatedFields() {
    List<TypeElement> chain = new ArrayList<>(FieldLookup.superclasses(type));
    java.util.Collections.reverse(chain);
    List<FieldDeclaration> fields = new ArrayList<>();
    for (TypeElement declaring : chain) {
      for (VariableElement field : ElementFilter.fieldsIn(declaring.getEnclosedElements())) {
        if (!JavacAnnotation.of(field, elements).isEmpty()) {
          fields.add(new JavacField(field, this));
        }
      }
    }
    return fields;
  }

  @Override
  public Set<Deprecation> deprecations() {
    return Deprecations.ofType(type, elements);
  }
}
