package dev.kinit.processor.model;

/**
 * A place in the user's sources that a diagnostic can point at, or that a generated file originates
 * from: a field, an annotation, one attribute or one element of an array attribute. Opaque to the
 * rules and the writer; each front end (javac, KSP) makes its own and reads its own back when it
 * prints a diagnostic or writes a file.
 */
public interface Site {}
