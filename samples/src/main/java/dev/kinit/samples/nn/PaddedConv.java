package dev.kinit.samples.nn;

import java.util.List;
import java.util.random.RandomGenerator;

/** A 3x3 convolution after a circular padding of 1: the image keeps its size. */
@dev.kinit.Network
public final class PaddedConv extends Network {

  /** {@code Conv2d(in, out, 3x3)} on the padded image. */
  public final Conv2d conv;

  /** From images {@code in} to {@code out} channels of the same size. */
  public PaddedConv(Image in, int out) {
    this(new CircularPad2d(in, 1), out);
  }

  private PaddedConv(CircularPad2d pad, int out) {
    this(pad, new Conv2d(pad.output(), out, 3));
  }

  private PaddedConv(CircularPad2d pad, Conv2d conv) {
    super("conv3x3", List.of(pad, conv));
    this.conv = conv;
  }

  @Override
  public void initialize(RandomGenerator random) {
    PaddedConvInitializer.initialize(this, random);
  }
}
