package dev.kinit.processor.rules;

import dev.kinit.KaimingInit;
import dev.kinit.TorchDefaultInit;
import java.lang.annotation.Annotation;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The kinit annotations that say how a field is initialised. */
public enum InitAnnotation {
  KAIMING_INIT(KaimingInit.class),
  TORCH_DEFAULT_INIT(TorchDefaultInit.class);

  /** Every annotation's qualified name, in declaration order. */
  public static final List<String> QUALIFIED_NAMES =
      Arrays.stream(values()).map(InitAnnotation::qualifiedName).toList();

  private final Class<? extends Annotation> type;

  InitAnnotation(Class<? extends Annotation> type) {
    this.type = type;
  }

  /** {@code dev.kinit.KaimingInit}. */
  public String qualifiedName() {
    return type.getCanonicalName();
  }

  /** How it is written: {@code @KaimingInit}. */
  public String written() {
    return "@" + type.getSimpleName();
  }

  /** The annotation of that qualified name, if it is one of these. */
  public static Optional<InitAnnotation> named(String qualifiedName) {
    return Arrays.stream(values()).filter(a -> a.qualifiedName().equals(qualifiedName)).findFirst();
  }
}
