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
 * attributes ({@link #kaiming()} to {@link #torchDefault()}) holds one element, the initialisation
 * to apply; the others are left empty (an array, because an annotation attribute has no absent
 * value), which the annotation processor checks ({@code [kinit.reinit-init-count]}). nanoGPT's
 * scheme, for example, is two passes:
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

  /**
   * {@return the modules to match, with their subclasses ({@code isinstance}); every module by
   * default}
   */
  Class<?> module() default Object.class;

  /**
   * {@return the parameter to re-initialise, a path from the matched module: {@code "weight"},
   * {@code "bn2.weight"} (a child's), {@code "c_proj.weight"}}
   */
  String parameter();

  /** {@return the pass this rule belongs to} Passes run one after the other, from the lowest. */
  int pass() default 1;

  /**
   * {@return the order in which this rule's pass visits the modules} All the rules of a pass give
   * the same order ({@code [kinit.reinit-order-conflict]}).
   */
  Traversal order() default Traversal.MODULES;

  /**
   * {@return Kaiming (He) initialisation ({@code kaiming_normal_} or {@code kaiming_uniform_}) as
   * this rule's initialisation (one element), or none}
   */
  KaimingInit[] kaiming() default {};

  /**
   * {@return Xavier (Glorot) initialisation ({@code xavier_normal_} or {@code xavier_uniform_}) as
   * this rule's initialisation (one element), or none}
   */
  XavierInit[] xavier() default {};

  /**
   * {@return a normal distribution ({@code normal_}) as this rule's initialisation (one element),
   * or none}
   */
  NormalInit[] normal() default {};

  /**
   * {@return a uniform distribution ({@code uniform_}) as this rule's initialisation (one element),
   * or none}
   */
  UniformInit[] uniform() default {};

  /**
   * {@return a truncated normal distribution ({@code trunc_normal_}) as this rule's initialisation
   * (one element), or none}
   */
  TruncatedNormalInit[] truncatedNormal() default {};

  /**
   * {@return a constant ({@code constant_}) as this rule's initialisation (one element), or none}
   */
  ConstantInit[] constant() default {};

  /** {@return zeros ({@code zeros_}) as this rule's initialisation (one element), or none} */
  ZerosInit[] zeros() default {};

  /** {@return ones ({@code ones_}) as this rule's initialisation (one element), or none} */
  OnesInit[] ones() default {};

  /**
   * {@return the identity matrix ({@code eye_}) as this rule's initialisation (one element), or
   * none}
   */
  EyeInit[] eye() default {};

  /**
   * {@return the Dirac delta ({@code dirac_}) as this rule's initialisation (one element), or none}
   */
  DiracInit[] dirac() default {};

  /**
   * {@return an orthogonal matrix ({@code orthogonal_}) as this rule's initialisation (one
   * element), or none}
   */
  OrthogonalInit[] orthogonal() default {};

  /** {@return Keras' variance scaling as this rule's initialisation (one element), or none} */
  VarianceScalingInit[] varianceScaling() default {};

  /**
   * {@return PyTorch's default weight ({@code kaiming_uniform_(a=sqrt(5))}) as this rule's
   * initialisation (one element), or none}
   */
  TorchDefaultInit[] torchDefault() default {};

  /** The container of repeated {@code @Reinit}s. */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target(ElementType.TYPE)
  @interface List {
    /** {@return the rules, in the order written} */
    Reinit[] value();
  }
}
