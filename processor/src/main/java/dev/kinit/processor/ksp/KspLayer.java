package dev.kinit.processor.ksp;

import com.google.devtools.ksp.symbol.KSClassDeclaration;
import com.google.devtools.ksp.symbol.KSDeclaration;
import com.google.devtools.ksp.symbol.KSType;
import com.google.devtools.ksp.symbol.KSTypeReference;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
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
import java.util.Optional;
import java.util.Set;
import kotlin.sequences.SequencesKt;

/** A class with kinit-annotated fields, or a network, read from KSP's symbols. */
final class KspLayer implements LayerDeclaration {

  private final KSClassDeclaration type;
  private final KspModules modules;
  private final KspReach reach;

  KspLayer(KSClassDeclaration type, KspModules modules) {
    this.type = type;
    this.modules = modules;
    this.reach = new KspReach(modules.view(), type);
  }

  KSClassDeclaration declaration() {
    return type;
  }

  KspModules modules() {
    return modules;
  }

  KspReach reach() {
    return reach;
  }

  @Override
  public ClassName name() {
    return KspTypes.className(type);
  }

  @Override
  public TypeName parameterType() {
    return KspTypes.withWildcards(type);
  }

  @Override
  public Site site() {
    return new KspSite(type);
  }

  @Override
  public Optional<String> unreachable() {
    for (KSDeclaration level = type; level != null; level = JvmView.enclosing(level)) {
      if (level.getParentDeclaration() != null && JvmView.enclosing(level) == null) {
        return Optional.of("a local class");
      }
      if (JvmView.access((KSClassDeclaration) level) == JvmAccess.PRIVATE) {
        return Optional.of("private nested class " + JvmView.qualifiedName(level));
      }
    }
    return Optional.empty();
  }

  @Override
  public Optional<Unresolved> unresolvedSuperclass() {
    for (KSClassDeclaration t = type; t != null; t = JvmView.superclass(t)) {
      for (KSTypeReference supertype : SequencesKt.asIterable(t.getSuperTypes())) {
        if (supertype.resolve().isError()) {
          String written =
              supertype.getElement() == null
                  ? supertype.toString()
                  : supertype.getElement().toString();
          return Optional.of(
              new Unresolved(site(), written, "superclass of " + t.getSimpleName().asString()));
        }
      }
    }
    return Optional.empty();
  }

  /** The class and its superclasses, the outermost first. */
  private List<KSClassDeclaration> superclassesFirst() {
    List<KSClassDeclaration> chain = new ArrayList<>(JvmView.superclasses(type));
    Collections.reverse(chain);
    return chain;
  }

  @Override
  public List<MemberDeclaration> members() {
    List<MemberDeclaration> members = new ArrayList<>();
    for (KSClassDeclaration declaring : superclassesFirst()) {
      members.addAll(membersOf(declaring));
    }
    return members;
  }

  /** A class's members: annotated fields, and in a network the properties that hold modules. */
  private List<MemberDeclaration> membersOf(KSClassDeclaration declaring) {
    List<MemberDeclaration> members = new ArrayList<>();
    boolean network = KspModules.isNetwork(declaring);
    for (JvmField field : modules.view().fields(declaring)) {
      if (!KspAnnotation.of(field.symbol()).isEmpty()) {
        members.add(new KspField(field, this));
      } else if (network && !field.isStatic()) {
        modules
            .childType(memberType(field, declaring))
            .ifPresent(child -> members.add(new KspChild(field, child, this)));
      }
    }
    return members;
  }

  /**
   * The property's type as a member of this class: a generic superclass's type parameters as this
   * class binds them ({@code cell: C} of {@code Base<C : Cell>} is a {@code BigCell} in {@code Net
   * : Base<BigCell>()}). As declared in a class of type parameters of its own, whose own properties
   * keep theirs (and stand for their bounds).
   */
  private KSType memberType(JvmField field, KSClassDeclaration declaring) {
    if (declaring.equals(type) || !type.getTypeParameters().isEmpty()) {
      return field.property().getType().resolve();
    }
    return field.property().asMemberOf(type.asStarProjectedType());
  }

  @Override
  public List<AnnotatedField> annotatedFields() {
    List<AnnotatedField> annotated = new ArrayList<>();
    for (JvmField field : modules.view().fields(type)) {
      for (MemberAnnotation annotation : MemberAnnotation.values()) {
        if (KspMemberAnnotations.value(field.symbol(), annotation).isPresent()) {
          annotated.add(
              new AnnotatedField(
                  annotation,
                  field.name(),
                  type.getSimpleName().asString() + "." + field.name(),
                  KspMemberAnnotations.site(field.symbol(), annotation)));
        }
      }
    }
    return annotated;
  }

  @Override
  public List<RuleGroup> rules() {
    List<RuleGroup> groups = new ArrayList<>();
    int members = 0;
    for (KSClassDeclaration declaring : superclassesFirst()) {
      members += membersOf(declaring).size();
      List<RuleDeclaration> rules = KspRule.of(declaring, modules);
      if (!rules.isEmpty()) {
        groups.add(new RuleGroup(members, rules));
      }
    }
    return groups;
  }

  @Override
  public ModuleDeclaration asModule() {
    return new KspModule(type.asStarProjectedType(), modules);
  }

  @Override
  public Set<Deprecation> deprecations() {
    return KspDeprecations.ofType(type);
  }
}
