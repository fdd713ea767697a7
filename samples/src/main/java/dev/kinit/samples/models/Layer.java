package dev.kinit.samples.models;

/**
 * The PyTorch layers of the ported models, as one sealed type: a container of mixed layers (an
 * {@code nn.Sequential} such as VGG's {@code features}, a ResNet block's {@code downsample}) is a
 * {@code List<Layer>}, which the generated initializers tell apart by class. The layers without
 * parameters ({@link ReLU}, {@link ReLU6}, {@link SiLU}, {@link MaxPool2d}, {@link Dropout}) are
 * empty modules: they take their index in the container, as in PyTorch, and draw nothing.
 * torchvision's {@link Conv2dNormActivation} and {@link SqueezeExcitation} are layers with children
 * of their own (a MobileNet block's {@code conv} holds the first with a {@link Conv2d} and a {@link
 * BatchNorm2d}, an EfficientNet block's {@code block} both).
 */
public sealed interface Layer
    permits Conv2d,
        BatchNorm2d,
        Linear,
        Embedding,
        LayerNorm,
        Conv2dNormActivation,
        SqueezeExcitation,
        ReLU,
        ReLU6,
        SiLU,
        MaxPool2d,
        Dropout {}
