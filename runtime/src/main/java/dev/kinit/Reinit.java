package dev.kinit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A rule of a {@link Network}'s own initialisation scheme: once the network's members are built
 * (and have run their own defaults), re-initialise the parameter {@link #parameter()} of every
 * module of the tree that is an instance of {@link #module()}, as a PyTorch model does in its
 * {@code __init__}:
 *
 * <pre>
 *   for m in self.modules():                    &#64;Reinit(module = Conv2d.class, parameter = "weight",
 *       if isinstance(m, nn.Conv2d):                kaiming = &#64;KaimingInit(mode = FAN_OUT,
 *           kaiming_normal_(m.weight,                                       nonlinearity = RELU))
 *               mode="fan_out", nonlinearity="relu")
 * </pre>
 *
 * <p>Rules run in passes ({@link #pass()}, from the lowest): a pass visits the modules of the tree
 * once, in its {@link #order()}, and at each module applies its matching rules in the order they
 * are written, so that the draws come in PyTorch's order. A module that lacks the parameter (a
 * {@code null} bias, PyTorch's {@code None}) is skipped. Exactly one of the initialisation
 * attributes is given. nanoGPT's scheme, for example, is two passes:
 *
 * <pre>{@code
 * @Network
 * @Reinit(module = Linear.class, parameter = "weight", order = APPLY, normal = @NormalInit(std = 0.02))
 * @Reinit(module = Linear.class, parameter = "bias", order = APPLY, zeros = @ZerosInit)
 * @Reinit(module = Embedding.class, parameter = "weight", order = APPLY, normal = @NormalInit(std = 0.02))
 * @Reinit(pass = 2, parameter = "c_proj.weight", normal = @NormalInit(std = 0.01)) // 0.02/sqrt(2·2)
 * final class Gpt { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@Repeatable(Reinit.List.class)
public @interface Reinit {

  /** The modules to match, with their subclasses ({@code isinstance}); every module by default. */
  Class<?> module() default Object.class;

  /**
   * The parameter to re-initialise, a path from the matched module: {@code "weight"}, {@code
   * "bn2.weight"} (a child's), {@code "c_proj.weight"}.
   */
  String parameter();

  /** The pass this rule belongs to: passes run one after the other, from the lowest. */
  int pass() default 1;

  /** The order in which this rule's pass visits the modules; the same for all its rules. */
  Traversal order() default Traversal.MODULES;

  /** Kaiming (He) initialisation. */
  KaimingInit[] kaiming() default {};

  /** Xavier (Glorot) initialisation. */
  XavierInit[] xavier() default {};

  /** A normal distribution. */
  NormalInit[] normal() default {};

  /** A uniform distribution. */
  UniformInit[] uniform() default {};

  /** A truncated normal distribution. */
  TruncatedNormalInit[] truncatedNormal() default {};

  /** A constant. */
  ConstantInit[] constant() default {};

  /** Zeros. */
  ZerosInit[] zeros() default {};

  /** Ones. */
  OnesInit[] ones() default {};

  /** The identity matrix. */
  EyeInit[] eye() default {};

  /** The Dirac delta. */
  DiracInit[] dirac() default {};

  /** An orthogonal matrix. */
  OrthogonalInit[] orthogonal() default {};

  /** Keras' variance scaling. */
  VarianceScalingInit[] varianceScaling() default {};

  /** PyTorch's default weight ({@code kaiming_uniform_(a=sqrt(5))}). */
  TorchDefaultInit[] torchDefault() default {};

  /** The container of repeated {@code @Reinit}s. */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target(ElementType.TYPE)
  @interface List {
    /** The rules, in the order written. */
    Reinit[] value();
  }
}
