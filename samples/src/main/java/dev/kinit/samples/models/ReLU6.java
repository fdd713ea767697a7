package dev.kinit.samples.models;

/**
 * PyTorch's {@code nn.ReLU6(inplace=True)}, MobileNet's activation: no parameters, an empty module
 * (the {@code 2} of a {@link Conv2dNormActivation}).
 */
public final class ReLU6 implements Layer, Activation {}
