package dev.kinit.samples.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * 3x3 convolutions on circularly padded images, each followed by a ReLU: the conv stack of the
 * variance experiment. Each convolution keeps the image's size.
 */
@dev.kinit.Network
public final class ConvStack extends Network {

  /** The padded convolutions, {@code blocks.0}, {@code blocks.1}, …, each followed by a ReLU. */
  public final List<PaddedConv> blocks;

  /**
   * A network called {@code name} on images {@code in}: a padded 3x3 convolution to each number of
   * channels of {@code channels}, in order.
   */
  public ConvStack(String name, Image in, int[] channels) {
    this(name, blocks(in, channels));
  }

  private ConvStack(String name, List<PaddedConv> blocks) {
    super(name, layers(blocks));
    this.blocks = blocks;
  }

  private static List<PaddedConv> blocks(Image in, int[] channels) {
    List<PaddedConv> blocks = new ArrayList<>();
    Image image = in;
    for (int out : channels) {
      PaddedConv block = new PaddedConv(image, out);
      blocks.add(block);
      image = block.conv.output();
    }
    return List.copyOf(blocks);
  }

  private static List<Layer> layers(List<PaddedConv> blocks) {
    List<Layer> layers = new ArrayList<>();
    for (PaddedConv block : blocks) {
      layers.add(block);
      layers.add(new Relu());
    }
    return layers;
  }

  @Override
  public void initialize(RandomGenerator random) {
    ConvStackInitializer.initialize(this, random);
  }
}
