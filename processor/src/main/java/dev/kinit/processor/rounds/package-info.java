/**
 * What a processor does with each round of a compilation, whichever front end reads the sources:
 * which annotations make a class a layer ({@link dev.kinit.processor.rounds.Vocabulary}), and the
 * way from a class found to its initializer ({@link dev.kinit.processor.rounds.Rounds}): declare,
 * check, write if clean, retry next round if a type is not resolved yet, report what never
 * resolves, and keep two initializers from taking one name. A front end ({@link
 * dev.kinit.processor.rounds.FrontEnd}) supplies the declarations, the files and the printing.
 */
@NullMarked
package dev.kinit.processor.rounds;

import org.jspecify.annotations.NullMarked;
