package dev.kinit.samples.models;

/** PyTorch's {@code nn.ReLU(inplace=True)}: no parameters, an empty module of a container. */
public final class ReLU implements Layer {}
