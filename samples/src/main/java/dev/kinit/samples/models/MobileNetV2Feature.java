package dev.kinit.samples.models;

/**
 * A module of a {@link MobileNetV2}'s {@code features}: the first and last {@link
 * Conv2dNormActivation}, the {@link InvertedResidual} blocks between them.
 */
public sealed interface MobileNetV2Feature permits Conv2dNormActivation, InvertedResidual {}
