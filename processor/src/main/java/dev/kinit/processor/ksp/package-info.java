/**
 * The KSP front end: reads Kotlin (and Java) sources through Kotlin Symbol Processing (KSP2) and
 * fills the same declarations as the javac front end, so that the same rules check them and the
 * same writer writes the same initializers. {@link
 * dev.kinit.processor.ksp.KaimingInitSymbolProcessorProvider} is what KSP loads (through {@code
 * META-INF/services}); KSP's API is a compile-only dependency of the processor, present whenever
 * KSP runs it.
 *
 * <p>Generated code is Java, so how it reaches a member is decided by Java's rules over the classes
 * as the JVM has them ({@link dev.kinit.processor.ksp.JvmView}): a Kotlin property's backing field,
 * private unless {@code @JvmField}, {@code lateinit} or {@code const}, and its getter under its
 * real JVM name ({@code internal} mangling, {@code @get:JvmName}, a value class's hash), as KSP's
 * resolver gives them. Diagnostics go through {@code KSPLogger}, attached to the symbol, so that
 * they name the {@code .kt} file and line.
 */
@NullMarked
package dev.kinit.processor.ksp;

import org.jspecify.annotations.NullMarked;
