package dev.kinit.samples.models;

/** A block of a {@link ResNet}'s layers: torchvision's {@code BasicBlock} or {@code Bottleneck}. */
public sealed interface ResidualBlock permits BasicBlock, Bottleneck {}
