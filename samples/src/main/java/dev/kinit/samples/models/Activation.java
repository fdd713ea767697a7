package dev.kinit.samples.models;

/**
 * The activation of a {@link Conv2dNormActivation}, PyTorch's child {@code 2}: {@link ReLU6}
 * (MobileNetV2) or {@link SiLU} (EfficientNet). Neither has parameters, so a field of this type is
 * no member and changes no path.
 */
public sealed interface Activation permits ReLU6, SiLU {}
