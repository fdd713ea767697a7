/**
 * The kinit annotation processor for javac (and kapt): {@link
 * dev.kinit.processor.KaimingInitProcessor} runs front end, rules and writer for each annotated
 * class; {@link dev.kinit.processor.LocalClassChecker} reports annotations javac shows no
 * processor. The pieces: {@code model} (what a valid layer is, as plain values), {@code rules} (the
 * checks, once for every front end, and the message catalogue), {@code javac} (the front end over
 * javac's elements), {@code writer} (the generated source).
 */
package dev.kinit.processor;
