package dev.kinit.processor.rules;

import dev.kinit.ConstructedBefore;
import dev.kinit.Name;
import java.lang.annotation.Annotation;

/**
 * The annotations that qualify a member of a layer or network, whatever initialises it, each with
 * one {@code String} value: they mean nothing on a field that is no member.
 */
public enum MemberAnnotation {
  /** {@code @ConstructedBefore("conv1")}: the member PyTorch constructs this one before. */
  CONSTRUCTED_BEFORE(ConstructedBefore.class),
  /** {@code @Name("0")}: the member's name in parameter paths. */
  NAME(Name.class);

  private final Class<? extends Annotation> type;

  MemberAnnotation(Class<? extends Annotation> type) {
    this.type = type;
  }

  /** {@code dev.kinit.Name}. */
  public String qualifiedName() {
    return type.getCanonicalName();
  }

  /** {@code @Name}, for messages. */
  public String written() {
    return "@" + type.getSimpleName();
  }
}
