package dev.kinit.samples.models;

/** PyTorch's {@code nn.Dropout(p)}: no parameters, an empty module of a container. */
public final class Dropout implements Layer {}
