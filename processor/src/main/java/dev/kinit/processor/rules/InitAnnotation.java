package dev.kinit.processor.rules;

import dev.kinit.ConstantInit;
import dev.kinit.DiracInit;
import dev.kinit.EyeInit;
import dev.kinit.KaimingInit;
import dev.kinit.NormalInit;
import dev.kinit.OnesInit;
import dev.kinit.OrthogonalInit;
import dev.kinit.TorchDefaultInit;
import dev.kinit.TruncatedNormalInit;
import dev.kinit.UniformInit;
import dev.kinit.VarianceScalingInit;
import dev.kinit.XavierInit;
import dev.kinit.ZerosInit;
import java.lang.annotation.Annotation;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The kinit annotations that say how a field is initialised, and the dimensions each accepts: the
 * rank rule of PyTorch's function (fans need two dimensions, {@code eye_} exactly two, {@code
 * dirac_} three to five) and whether a flat array without a shape is one-dimensional.
 */
public enum InitAnnotation {
  KAIMING_INIT(KaimingInit.class, 2, Integer.MAX_VALUE),
  TORCH_DEFAULT_INIT(TorchDefaultInit.class, 2, Integer.MAX_VALUE),
  XAVIER_INIT(XavierInit.class, 2, Integer.MAX_VALUE),
  NORMAL_INIT(NormalInit.class, 1, Integer.MAX_VALUE),
  UNIFORM_INIT(UniformInit.class, 1, Integer.MAX_VALUE),
  TRUNCATED_NORMAL_INIT(TruncatedNormalInit.class, 1, Integer.MAX_VALUE),
  CONSTANT_INIT(ConstantInit.class, 1, Integer.MAX_VALUE),
  ZEROS_INIT(ZerosInit.class, 1, Integer.MAX_VALUE),
  ONES_INIT(OnesInit.class, 1, Integer.MAX_VALUE),
  EYE_INIT(EyeInit.class, 2, 2),
  DIRAC_INIT(DiracInit.class, 3, 5),
  ORTHOGONAL_INIT(OrthogonalInit.class, 2, Integer.MAX_VALUE),
  /** The fewest dimensions depend on the layout: PyTorch's needs two, Keras' none. */
  VARIANCE_SCALING_INIT(VarianceScalingInit.class, 2, Integer.MAX_VALUE);

  /** Every annotation's qualified name, in declaration order. */
  public static final List<String> QUALIFIED_NAMES =
      Arrays.stream(values()).map(InitAnnotation::qualifiedName).toList();

  private final Class<? extends Annotation> type;
  private final int minRank;
  private final int maxRank;

  InitAnnotation(Class<? extends Annotation> type, int minRank, int maxRank) {
    this.type = type;
    this.minRank = minRank;
    this.maxRank = maxRank;
  }

  /** {@code dev.kinit.KaimingInit}. */
  public String qualifiedName() {
    return type.getCanonicalName();
  }

  /** How it is written: {@code @KaimingInit}. */
  public String written() {
    return "@" + type.getSimpleName();
  }

  /** The fewest dimensions of the array it initialises (a bias of @TorchDefaultInit aside). */
  int minRank() {
    return minRank;
  }

  /** The most dimensions, {@link Integer#MAX_VALUE} for no limit. */
  int maxRank() {
    return maxRank;
  }

  /** The annotation of that qualified name, if it is one of these. */
  public static Optional<InitAnnotation> named(String qualifiedName) {
    return Arrays.stream(values()).filter(a -> a.qualifiedName().equals(qualifiedName)).findFirst();
  }
}
