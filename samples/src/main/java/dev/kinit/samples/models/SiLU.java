package dev.kinit.samples.models;

/**
 * PyTorch's {@code nn.SiLU(inplace=True)}, EfficientNet's activation: no parameters, an empty
 * module (the {@code 2} of a {@link Conv2dNormActivation}).
 */
public final class SiLU implements Layer, Activation {}
