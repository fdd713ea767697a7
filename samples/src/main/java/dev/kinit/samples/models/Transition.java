package dev.kinit.samples.models;

import dev.kinit.Network;

/**
 * torchvision's {@code _Transition} (between two {@link DenseBlock}s): an {@code nn.Sequential}
 * whose children are named, {@code norm}, {@code relu}, {@code conv} and {@code pool} ({@code
 * features.transition1.norm.weight}, {@code features.transition1.conv.weight}); the ReLU and the
 * {@code nn.AvgPool2d(kernel_size=2, stride=2)} have no parameters and are left out.
 */
@Network
public final class Transition {

  /** {@code nn.BatchNorm2d(in)}. */
  public final BatchNorm2d norm;

  /** {@code nn.Conv2d(in, out, kernel_size=1, stride=1, bias=False)}. */
  public final Conv2d conv;

  /** {@code _Transition(num_input_features=in, num_output_features=out)}. */
  public Transition(int in, int out) {
    norm = new BatchNorm2d(in);
    conv = new Conv2d(in, out, 1, false);
  }
}
