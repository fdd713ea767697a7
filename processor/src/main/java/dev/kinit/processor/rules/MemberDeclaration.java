package dev.kinit.processor.rules;

/**
 * A member of a layer or network, in declaration order: a parameter field ({@link
 * FieldDeclaration}) or a child module ({@link ChildDeclaration}).
 */
public interface MemberDeclaration {
  /** The field's name. */
  String name();
}
