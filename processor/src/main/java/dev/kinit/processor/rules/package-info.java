/**
 * The rules, once for every front end: what a front end must say about a class ({@link
 * dev.kinit.processor.rules.LayerDeclaration}, {@link dev.kinit.processor.rules.FieldDeclaration},
 * {@link dev.kinit.processor.rules.AnnotationUse}, {@link dev.kinit.processor.rules.Reach}), the
 * checks that turn it into a {@link dev.kinit.processor.model.Layer} ({@link
 * dev.kinit.processor.rules.LayerRules}), and the {@link dev.kinit.processor.rules.Report} of what
 * they found, in the words of the {@link dev.kinit.processor.rules.Message} catalogue.
 */
@NullMarked
package dev.kinit.processor.rules;

import org.jspecify.annotations.NullMarked;
