package dev.kinit.samples.models;

import dev.kinit.Name;
import dev.kinit.Network;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * torchvision's {@code _DenseBlock}: an {@code nn.ModuleDict} of {@link DenseLayer}s which PyTorch
 * names by key, {@code denselayer1}, {@code denselayer2}, … in the order it adds them ({@code
 * features.denseblock2.denselayer12.conv2.weight}, the last layer of DenseNet-121's second block).
 * The class is the {@code nn.ModuleDict}: {@code @Name("")} makes its map's entries its own
 * children, named by their keys in the map's iteration order, a {@link LinkedHashMap}'s insertion
 * order.
 */
@Network
public final class DenseBlock {

  /**
   * {@code denselayer1} to {@code denselayerN}, each {@code growth_rate} channels wider than the
   * last: a {@link LinkedHashMap}, whose order is the one PyTorch registers them in.
   */
  @Name("")
  public final Map<String, DenseLayer> layers;

  /**
   * {@code _DenseBlock(num_layers=layers, num_input_features=in, bn_size=bnSize,
   * growth_rate=growthRate, drop_rate=…)}: layer {@code i} (from 0) is {@code _DenseLayer(in + i ·
   * growthRate, growthRate, bnSize)}, added as {@code "denselayer%d" % (i + 1)}. Its output has
   * {@code in + layers · growthRate} channels.
   */
  public DenseBlock(int layers, int in, int bnSize, int growthRate) {
    if (layers < 1) {
      throw new IllegalArgumentException("layers: " + layers + "; expected at least 1");
    }
    Map<String, DenseLayer> block = new LinkedHashMap<>();
    for (int i = 0; i < layers; i++) {
      block.put("denselayer" + (i + 1), new DenseLayer(in + i * growthRate, growthRate, bnSize));
    }
    this.layers = block;
  }
}
