package rules;

/** Inherits v from A and from I: the name is ambiguous in D, A's v is read through A. */
public class D extends B implements I {}
