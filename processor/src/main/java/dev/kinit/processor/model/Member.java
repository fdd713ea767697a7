package dev.kinit.processor.model;

import org.jspecify.annotations.Nullable;

/** A member of a layer or network, in declaration order: a parameter or a child module. */
public sealed interface Member permits Parameter, Child {
  /** Its name in parameter paths. */
  String name();

  /** The member PyTorch constructs this one before ({@code @ConstructedBefore}), or null. */
  @Nullable String constructedBefore();
}
