package dev.kinit.processor.javac;

import com.palantir.javapoet.TypeName;
import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.Trees;
import dev.kinit.Reinit;
import dev.kinit.Traversal;
import dev.kinit.processor.model.Site;
import dev.kinit.processor.rules.AnnotationUse;
import dev.kinit.processor.rules.InitAnnotation;
import dev.kinit.processor.rules.ModuleDeclaration;
import dev.kinit.processor.rules.RuleDeclaration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import org.jspecify.annotations.Nullable;

/** A {@code @Reinit} rule on a class, read from javac's annotation mirror. */
final class JavacRule implements RuleDeclaration {

  /** The attributes that hold an initialisation, and the annotation each takes. */
  private static final Map<String, InitAnnotation> INITS = new LinkedHashMap<>();

  static {
    INITS.put("kaiming", InitAnnotation.KAIMING_INIT);
    INITS.put("xavier", InitAnnotation.XAVIER_INIT);
    INITS.put("normal", InitAnnotation.NORMAL_INIT);
    INITS.put("uniform", InitAnnotation.UNIFORM_INIT);
    INITS.put("truncatedNormal", InitAnnotation.TRUNCATED_NORMAL_INIT);
    INITS.put("constant", InitAnnotation.CONSTANT_INIT);
    INITS.put("zeros", InitAnnotation.ZEROS_INIT);
    INITS.put("ones", InitAnnotation.ONES_INIT);
    INITS.put("eye", InitAnnotation.EYE_INIT);
    INITS.put("dirac", InitAnnotation.DIRAC_INIT);
    INITS.put("orthogonal", InitAnnotation.ORTHOGONAL_INIT);
    INITS.put("varianceScaling", InitAnnotation.VARIANCE_SCALING_INIT);
    INITS.put("torchDefault", InitAnnotation.TORCH_DEFAULT_INIT);
  }

  private final TypeElement owner;
  private final AnnotationMirror mirror;
  private final Modules modules;

  /**
   * The rule's tree when it is one of several repeated ones, which javac's model does not place.
   */
  private final @Nullable AnnotationTree tree;

  private final Map<String, AnnotationValue> written = new LinkedHashMap<>();
  private final Map<String, AnnotationValue> values = new LinkedHashMap<>();

  JavacRule(
      TypeElement owner, AnnotationMirror mirror, Modules modules, @Nullable AnnotationTree tree) {
    this.owner = owner;
    this.mirror = mirror;
    this.modules = modules;
    this.tree = tree;
    mirror.getElementValues().forEach((k, v) -> written.put(name(k), v));
    modules
        .elements()
        .getElementValuesWithDefaults(mirror)
        .forEach((k, v) -> values.put(name(k), v));
  }

  /** The {@code @Reinit} rules on {@code type}, repeated ones in their container, in order. */
  static List<RuleDeclaration> of(TypeElement type, Modules modules) {
    List<RuleDeclaration> rules = new ArrayList<>();
    String rule = Reinit.class.getCanonicalName();
    String container = Reinit.List.class.getCanonicalName();
    for (AnnotationMirror mirror : type.getAnnotationMirrors()) {
      String name = mirror.getAnnotationType().toString();
      if (name.equals(rule)) {
        rules.add(new JavacRule(type, mirror, modules, null));
      } else if (name.equals(container)) {
        List<AnnotationTree> trees = ruleTrees(type, modules);
        for (AnnotationValue value : mirror.getElementValues().values()) {
          List<?> repeated = (List<?>) value.getValue();
          for (int i = 0; i < repeated.size(); i++) {
            AnnotationMirror each =
                (AnnotationMirror) ((AnnotationValue) repeated.get(i)).getValue();
            AnnotationTree tree = trees.size() == repeated.size() ? trees.get(i) : null;
            rules.add(new JavacRule(type, each, modules, tree));
          }
        }
      }
    }
    return rules;
  }

  /**
   * The trees of the {@code @Reinit}s written on {@code type}, in order; none from a class file.
   */
  private static List<AnnotationTree> ruleTrees(TypeElement type, Modules modules) {
    List<AnnotationTree> found = new ArrayList<>();
    Trees trees = modules.trees();
    ClassTree declaration = trees == null ? null : trees.getTree(type);
    if (declaration == null) {
      return found;
    }
    for (AnnotationTree annotation : declaration.getModifiers().getAnnotations()) {
      String written = annotation.getAnnotationType().toString();
      if (written.equals("Reinit") || written.endsWith(".Reinit")) {
        found.add(annotation);
      }
    }
    return found;
  }

  @Override
  public int pass() {
    return (Integer) values.get("pass").getValue();
  }

  @Override
  public Traversal order() {
    return Traversal.valueOf(
        ((VariableElement) values.get("order").getValue()).getSimpleName().toString());
  }

  private TypeMirror moduleMirror() {
    return (TypeMirror) values.get("module").getValue();
  }

  @Override
  public @Nullable TypeName module() {
    TypeMirror module = moduleMirror();
    if (module.getKind() != TypeKind.DECLARED || isObject(module)) {
      return null;
    }
    return TypeName.get(modules.types().erasure(module));
  }

  private static boolean isObject(TypeMirror type) {
    return type.toString().equals(Object.class.getName());
  }

  @Override
  public String moduleName() {
    TypeMirror module = moduleMirror();
    return module.getKind() == TypeKind.DECLARED
        ? ((DeclaredType) module).asElement().getSimpleName().toString()
        : module.toString();
  }

  @Override
  public String parameter() {
    return (String) values.get("parameter").getValue();
  }

  @Override
  public List<AnnotationUse> inits() {
    List<AnnotationUse> inits = new ArrayList<>();
    INITS.forEach(
        (attribute, kind) -> {
          AnnotationValue value = written.get(attribute);
          if (value != null) {
            for (Object element : (List<?>) value.getValue()) {
              AnnotationMirror nested = (AnnotationMirror) ((AnnotationValue) element).getValue();
              inits.add(
                  JavacAnnotation.nested(kind, nested, owner, mirror, value, modules.elements()));
            }
          }
        });
    return inits;
  }

  @Override
  public Site site() {
    return tree != null ? treeSite(tree) : new JavacSite(owner, mirror, null);
  }

  @Override
  public Site site(String attribute) {
    if (tree == null) {
      return new JavacSite(owner, mirror, written.get(attribute));
    }
    for (ExpressionTree argument : tree.getArguments()) {
      if (argument instanceof AssignmentTree assignment
          && assignment.getVariable().toString().equals(attribute)) {
        return treeSite(assignment);
      }
    }
    return treeSite(tree);
  }

  private Site treeSite(Tree at) {
    Trees trees = modules.trees();
    return new JavacSite(owner, null, null, at, trees.getPath(owner).getCompilationUnit());
  }

  @Override
  public boolean matches(ModuleDeclaration module) {
    TypeMirror rule = moduleMirror();
    if (isObject(rule)) {
      return true;
    }
    TypeMirror type = ((JavacModule) module).typeMirror();
    return rule.getKind() == TypeKind.DECLARED
        && type.getKind() == TypeKind.DECLARED
        && modules.types().isSubtype(modules.types().erasure(type), modules.types().erasure(rule));
  }

  @Override
  public String description() {
    return "@Reinit(module = " + moduleName() + ".class, parameter = \"" + parameter() + "\")";
  }

  @Override
  public String declaringClass() {
    return owner.getSimpleName().toString();
  }

  @Override
  public boolean declaredOnNetwork() {
    return Modules.isNetwork(owner);
  }

  private static String name(ExecutableElement attribute) {
    return attribute.getSimpleName().toString();
  }
}
