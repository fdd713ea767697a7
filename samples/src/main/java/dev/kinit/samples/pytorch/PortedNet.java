package dev.kinit.samples.pytorch;

import dev.kinit.Network;
import dev.kinit.torch.TorchGenerator;
import java.util.random.RandomGenerator;

/**
 * A small convolutional network whose initial weights are exactly those of the same PyTorch modules
 * created after {@code torch.manual_seed(seed)}:
 *
 * <pre>
 *   torch.manual_seed(seed)
 *   conv = nn.Conv2d(1, 4, 3)          # 1x8x8 input -> 4x6x6
 *   fc1  = nn.Linear(4 * 6 * 6, 16)
 *   fc2  = nn.Linear(16, 10)
 * </pre>
 *
 * <p>A {@link Network}: the generated {@code PortedNetInitializer} initialises the layers in their
 * declaration order, PyTorch's creation order, each drawing its weight then its bias from one
 * {@link TorchGenerator}, so the stream continues as PyTorch's does.
 */
@Network
public final class PortedNet {

  /** {@code nn.Conv2d(1, 4, 3)}. */
  public final TorchConv2d conv = new TorchConv2d(1, 4, 3);

  /** {@code nn.Linear(144, 16)}. */
  public final TorchLinear fc1 = new TorchLinear(4 * 6 * 6, 16);

  /** {@code nn.Linear(16, 10)}. */
  public final TorchLinear fc2 = new TorchLinear(16, 10);

  /** The network as PyTorch 1.13 initialises it after {@code torch.manual_seed(seed)}. */
  public static PortedNet manualSeed(long seed) {
    PortedNet net = new PortedNet();
    net.initialize(TorchGenerator.manualSeed(seed));
    return net;
  }

  /** Initialises the layers in PyTorch's creation order, drawing from {@code random}. */
  public void initialize(RandomGenerator random) {
    PortedNetInitializer.initialize(this, random);
  }
}
