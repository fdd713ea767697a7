package dev.kinit.samples.models;

/**
 * PyTorch's {@code nn.MaxPool2d(kernel_size=2, stride=2)}: no parameters, an empty module of a
 * container.
 */
public final class MaxPool2d implements Layer {}
