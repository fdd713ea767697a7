/**
 * Models people initialise, ported from PyTorch as parameter trees: torchvision's ResNet, VGG,
 * MobileNetV2, EfficientNet and DenseNet, and a nanoGPT-style GPT. Each is a {@link
 * dev.kinit.Network}: its fields hold the modules, named as PyTorch names them, the layers'
 * annotations give PyTorch's construction-time defaults, and the model's {@link dev.kinit.Reinit}
 * rules its own scheme; one generated call ({@code ResNetInitializer.initialize(model,
 * TorchGenerator.manualSeed(seed))}) gives PyTorch's weights bit for bit. Forward passes are not
 * written: these classes are the parameters and their initialisation, nothing else.
 */
package dev.kinit.samples.models;
