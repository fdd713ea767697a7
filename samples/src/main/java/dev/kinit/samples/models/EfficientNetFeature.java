package dev.kinit.samples.models;

/**
 * A module of an {@link EfficientNet}'s {@code features}: the first and last {@link
 * Conv2dNormActivation}, the {@link EfficientNetStage}s between them.
 */
public sealed interface EfficientNetFeature permits Conv2dNormActivation, EfficientNetStage {}
