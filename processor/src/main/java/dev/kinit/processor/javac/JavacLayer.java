package dev.kinit.processor.javac;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import com.sun.source.util.Trees;
import dev.kinit.processor.model.Deprecation;
import dev.kinit.processor.model.Site;
import dev.kinit.processor.rules.LayerDeclaration;
import dev.kinit.processor.rules.MemberAnnotation;
import dev.kinit.processor.rules.MemberDeclaration;
import dev.kinit.processor.rules.ModuleDeclaration;
import dev.kinit.processor.rules.RuleDeclaration;
import dev.kinit.processor.rules.Unresolved;
import java.util.ArrayList;
import java.util.Collections;
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
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import org.jspecify.annotations.Nullable;

/** A class with kinit-annotated fields, read from javac's elements. */
public final class JavacLayer implements LayerDeclaration {

  private final TypeElement type;
  private final Modules modules;
  private final MemberReach reach;

  JavacLayer(TypeElement type, Modules modules) {
    this.type = type;
    this.modules = modules;
    this.reach = new MemberReach(modules.elements(), modules.types(), type);
  }

  /**
   * A class of this compilation with kinit-annotated fields or {@code @Network}.
   *
   * @param inSources whether a class is one of this compilation's sources: one with annotated
   *     fields is then validated itself, and its fields' problems are reported there
   * @param sourceModules this compilation's classes that have an initializer
   * @param trees javac's source trees, where it exposes them, to place diagnostics on repeated
   *     annotations
   */
  public static JavacLayer of(
      TypeElement type,
      Elements elements,
      Types types,
      Predicate<TypeElement> inSources,
      Iterable<TypeElement> sourceModules,
      @Nullable Trees trees) {
    return new JavacLayer(type, new Modules(elements, types, inSources, sourceModules, trees));
  }

  TypeElement element() {
    return type;
  }

  /** Whether {@code type} declares a field with a kinit initialisation annotation. */
  public static boolean declaresParameters(TypeElement type) {
    return Modules.declaresParameters(type);
  }

  Modules modules() {
    return modules;
  }

  Elements elements() {
    return modules.elements();
  }

  Types types() {
    return modules.types();
  }

  MemberReach reach() {
    return reach;
  }

  boolean isValidatedOnItsOwn(TypeElement other) {
    return modules.inSources(other);
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
          || nesting == NestingKind.MEMBER && KotlinMetadata.isPrivate(level)) {
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

  /** The class and its superclasses, the outermost first. */
  private List<TypeElement> superclassesFirst() {
    List<TypeElement> chain = new ArrayList<>(FieldLookup.superclasses(type));
    Collections.reverse(chain);
    return chain;
  }

  @Override
  public List<MemberDeclaration> members() {
    List<MemberDeclaration> members = new ArrayList<>();
    for (TypeElement declaring : superclassesFirst()) {
      members.addAll(membersOf(declaring));
    }
    return members;
  }

  /** A class's members: annotated fields, and in a network the fields that hold modules. */
  private List<MemberDeclaration> membersOf(TypeElement declaring) {
    List<MemberDeclaration> members = new ArrayList<>();
    boolean network = Modules.isNetwork(declaring);
    for (VariableElement field : ElementFilter.fieldsIn(declaring.getEnclosedElements())) {
      if (!JavacAnnotation.of(field, elements()).isEmpty()) {
        members.add(new JavacField(field, this));
      } else if (network && !field.getModifiers().contains(Modifier.STATIC)) {
        modules
            .childType(memberType(field))
            .ifPresent(child -> members.add(new JavacChild(field, child, this)));
      }
    }
    return members;
  }

  /**
   * The field's type as a member of this class: a generic superclass's type variables as this class
   * binds them ({@code C cell} of {@code Base<C extends Cell>} is a {@code BigCell} in {@code Net
   * extends Base<BigCell>}).
   */
  private TypeMirror memberType(VariableElement field) {
    try {
      return types().asMemberOf((DeclaredType) type.asType(), field);
    } catch (IllegalArgumentException e) {
      return field.asType(); // javac finds it no member of this type: as declared
    }
  }

  @Override
  public List<AnnotatedField> annotatedFields() {
    List<AnnotatedField> annotated = new ArrayList<>();
    for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
      String name = field.getSimpleName().toString();
      for (MemberAnnotation annotation : MemberAnnotation.values()) {
        if (MemberAnnotations.value(field, annotation).isPresent()) {
          annotated.add(
              new AnnotatedField(
                  annotation,
                  name,
                  type.getSimpleName() + "." + name,
                  MemberAnnotations.site(field, annotation)));
        }
      }
    }
    return annotated;
  }

  @Override
  public List<RuleGroup> rules() {
    List<RuleGroup> groups = new ArrayList<>();
    int members = 0;
    for (TypeElement declaring : superclassesFirst()) {
      members += membersOf(declaring).size();
      List<RuleDeclaration> rules = JavacRule.of(declaring, modules);
      if (!rules.isEmpty()) {
        groups.add(new RuleGroup(members, rules));
      }
    }
    return groups;
  }

  @Override
  public ModuleDeclaration asModule() {
    return new JavacModule(type.asType(), modules);
  }

  @Override
  public Set<Deprecation> deprecations() {
    return Deprecations.ofType(type, elements());
  }
}
