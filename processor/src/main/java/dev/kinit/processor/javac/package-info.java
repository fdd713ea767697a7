/**
 * The javac front end: reads a class from javac's elements ({@link
 * dev.kinit.processor.javac.JavacLayer}), resolving by Java's rules how generated code reaches each
 * member, and prints the rules' report through javac's {@code Messager}; plus the scan of source
 * trees for annotations javac shows no processor ({@link
 * dev.kinit.processor.javac.LocalClassScan}).
 */
package dev.kinit.processor.javac;
