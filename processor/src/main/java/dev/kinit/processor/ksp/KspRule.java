package dev.kinit.processor.ksp;

import com.google.devtools.ksp.symbol.KSAnnotation;
import com.google.devtools.ksp.symbol.KSClassDeclaration;
import com.google.devtools.ksp.symbol.KSType;
import com.google.devtools.ksp.symbol.KSValueArgument;
import com.google.devtools.ksp.symbol.Origin;
import com.palantir.javapoet.TypeName;
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
import kotlin.sequences.SequencesKt;
import org.jspecify.annotations.Nullable;

/** A {@code @Reinit} rule on a class, read from KSP's annotation. */
final class KspRule implements RuleDeclaration {

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

  private final KSClassDeclaration owner;
  private final Map<String, KSValueArgument> written = new LinkedHashMap<>();
  private final Map<String, @Nullable Object> values = new LinkedHashMap<>();

  private KspRule(KSClassDeclaration owner, KSAnnotation annotation) {
    this.owner = owner;
    for (KSValueArgument argument : annotation.getDefaultArguments()) {
      values.put(argument.getName().asString(), argument.getValue());
    }
    for (KSValueArgument argument : annotation.getArguments()) {
      if (argument.getName() != null) {
        values.put(argument.getName().asString(), argument.getValue());
        if (argument.getOrigin() != Origin.SYNTHETIC) {
          written.put(argument.getName().asString(), argument);
        }
      }
    }
  }

  /** The {@code @Reinit} rules on {@code type}, repeated ones in their container, in order. */
  static List<RuleDeclaration> of(KSClassDeclaration type, KspModules modules) {
    List<RuleDeclaration> rules = new ArrayList<>();
    String rule = Reinit.class.getCanonicalName();
    String container = Reinit.List.class.getCanonicalName();
    for (KSAnnotation annotation : SequencesKt.asIterable(type.getAnnotations())) {
      String name = JvmView.annotationName(annotation);
      if (name.equals(rule)) {
        rules.add(new KspRule(type, annotation));
      } else if (name.equals(container)) {
        for (KSValueArgument argument : annotation.getArguments()) {
          if (argument.getValue() instanceof List<?> repeated) {
            for (Object each : repeated) {
              rules.add(new KspRule(type, (KSAnnotation) each));
            }
          }
        }
      }
    }
    return rules;
  }

  @Override
  public int pass() {
    return ((Number) values.get("pass")).intValue();
  }

  @Override
  public Traversal order() {
    return Traversal.valueOf(KspAnnotation.enumName(values.get("order")));
  }

  private @Nullable KSClassDeclaration moduleClass() {
    return values.get("module") instanceof KSType type ? JvmView.classOf(type) : null;
  }

  @Override
  public @Nullable TypeName module() {
    KSClassDeclaration module = moduleClass();
    return module == null || JvmView.isObject(module) ? null : KspTypes.className(module);
  }

  @Override
  public String moduleName() {
    KSClassDeclaration module = moduleClass();
    if (module == null) {
      return String.valueOf(values.get("module"));
    }
    return JvmView.isObject(module) ? "Object" : module.getSimpleName().asString();
  }

  @Override
  public String parameter() {
    return (String) values.get("parameter");
  }

  @Override
  public List<AnnotationUse> inits() {
    List<AnnotationUse> inits = new ArrayList<>();
    INITS.forEach(
        (attribute, kind) -> {
          KSValueArgument value = written.get(attribute);
          if (value != null && value.getValue() instanceof List<?> nested) {
            for (Object each : nested) {
              inits.add(KspAnnotation.nested(kind, (KSAnnotation) each, owner, site(attribute)));
            }
          }
        });
    return inits;
  }

  /**
   * The rule's first attribute written, where KSP places it (an annotation has no place of its
   * own), else the class.
   */
  @Override
  public Site site() {
    for (KSValueArgument argument : written.values()) {
      return KspSite.of(argument, owner);
    }
    return new KspSite(owner);
  }

  @Override
  public Site site(String attribute) {
    KSValueArgument argument = written.get(attribute);
    return argument == null ? site() : KspSite.of(argument, owner);
  }

  @Override
  public boolean matches(ModuleDeclaration module) {
    KSClassDeclaration rule = moduleClass();
    if (rule != null && JvmView.isObject(rule)) {
      return true;
    }
    KSClassDeclaration type = ((KspModule) module).declaration();
    return rule != null && type != null && KspLookup.isSubclass(type, rule);
  }

  @Override
  public String description() {
    return "@Reinit(module = " + moduleName() + ".class, parameter = \"" + parameter() + "\")";
  }

  @Override
  public String declaringClass() {
    return owner.getSimpleName().asString();
  }

  @Override
  public boolean declaredOnNetwork() {
    return KspModules.isNetwork(owner);
  }
}
