package dev.kinit.processor.rules;

import dev.kinit.processor.model.Child;
import dev.kinit.processor.model.Site;
import java.util.Optional;

/** A field of a network that holds a child module, or a list or array of them. */
public interface ChildDeclaration extends MemberDeclaration {

  /** {@code DeclaringClass.field}, for messages. */
  String label();

  /** The field, in the source. */
  Site site();

  /** Whether the network class itself declares it (else a superclass does). */
  boolean own();

  /** How the network's initializer reads it. */
  Reach reach();

  Child.Container container();

  /** The module type: the field's, or its elements'. */
  ModuleDeclaration module();

  /** The member {@code @ConstructedBefore} names, if the field carries it. */
  Optional<String> constructedBefore();

  /** Where {@code @ConstructedBefore} is written (the field if it is not). */
  Site constructedBeforeSite();
}
