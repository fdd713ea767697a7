package dev.kinit.processor.model;

/** A member of a layer or network, in declaration order: a parameter or a child module. */
public sealed interface Member permits Parameter, Child {
  /** Its name in parameter paths. */
  String name();
}
