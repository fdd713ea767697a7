package dev.kinit.processor.rules;

import dev.kinit.processor.model.Child;

/** A field of a network that holds a child module, or a list or array of them. */
public interface ChildDeclaration extends MemberDeclaration {

  /** How the network's initializer reads it. */
  Reach reach();

  Child.Container container();

  /** The module type: the field's, or its elements'. */
  ModuleDeclaration module();
}
