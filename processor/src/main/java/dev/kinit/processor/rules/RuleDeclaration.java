package dev.kinit.processor.rules;

import com.palantir.javapoet.TypeName;
import dev.kinit.Traversal;
import dev.kinit.processor.model.Site;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A {@code @Reinit} rule on a network class. */
public interface RuleDeclaration {

  int pass();

  Traversal order();

  /** The module type it matches, or null for every module. */
  @Nullable TypeName module();

  /** The module type's simple name, or {@code Object}. */
  String moduleName();

  /** The parameter path from a matched module. */
  String parameter();

  /** The initialisation attributes given ({@code kaiming = @KaimingInit(…)}, …), each one's. */
  List<AnnotationUse> inits();

  /** The annotation, in the source. */
  Site site();

  /** Where {@code attribute} of the rule is written, else the annotation. */
  Site site(String attribute);

  /** Whether an instance of {@code module} is an instance of the rule's module type. */
  boolean matches(ModuleDeclaration module);

  /** The rule as written, shortly: {@code @Reinit(module = Conv2d.class, parameter = "weight")}. */
  String description();

  /** The network class that declares it, whose simple name messages use. */
  String declaringClass();

  /** Whether the class that declares it is a {@code @Network}, as a rule needs. */
  boolean declaredOnNetwork();
}
