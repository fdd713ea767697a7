package dev.kinit.samples.models;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kinit.InitPlan;
import dev.kinit.torch.TorchGenerator;
import java.util.List;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The ported models, each initialised by one generated call after {@code
 * TorchGenerator.manualSeed(seed)}, have PyTorch's parameters: the same names in {@code
 * named_parameters()} order, the same shapes and the same bits (SHA-256 of every parameter, its
 * first and last 8 values, and every value of the small GPT tensors), for every seed of the
 * reference files ({@code src/test/resources/pytorch/networks/}).
 */
class PyTorchNetworksTest {

  /** A reference file and how to make that network with a seed: construct, one generated call. */
  private record Port(String file, LongFunction<InitPlan> initialized) {}

  private static final List<Port> PORTS =
      List.of(
          new Port(
              "resnet18.json",
              seed -> {
                ResNet net = ResNet.resnet18();
                ResNetInitializer.initialize(net, TorchGenerator.manualSeed(seed));
                return ResNetInitializer.plan(net);
              }),
          new Port(
              "resnet18-more-seeds.json",
              seed -> {
                ResNet net = ResNet.resnet18();
                ResNetInitializer.initialize(net, TorchGenerator.manualSeed(seed));
                return ResNetInitializer.plan(net);
              }),
          new Port(
              "resnet34-zero-init-residual.json",
              seed -> {
                ZeroInitResidualResNet net = ZeroInitResidualResNet.resnet34();
                ZeroInitResidualResNetInitializer.initialize(net, TorchGenerator.manualSeed(seed));
                return ZeroInitResidualResNetInitializer.plan(net);
              }),
          new Port(
              "resnet50.json",
              seed -> {
                ResNet net = ResNet.resnet50();
                ResNetInitializer.initialize(net, TorchGenerator.manualSeed(seed));
                return ResNetInitializer.plan(net);
              }),
          new Port(
              "vgg11_bn.json",
              seed -> {
                Vgg net = Vgg.vgg11_bn();
                VggInitializer.initialize(net, TorchGenerator.manualSeed(seed));
                return VggInitializer.plan(net);
              }),
          new Port(
              "gpt-mini.json",
              seed -> {
                GptMini net = new GptMini();
                GptMiniInitializer.initialize(net, TorchGenerator.manualSeed(seed));
                return GptMiniInitializer.plan(net);
              }),
          new Port(
              "gpt-small4.json",
              seed -> {
                GptSmall4 net = new GptSmall4();
                GptSmall4Initializer.initialize(net, TorchGenerator.manualSeed(seed));
                return GptSmall4Initializer.plan(net);
              }),
          new Port(
              "gpt-deep6.json",
              seed -> {
                GptDeep6 net = new GptDeep6();
                GptDeep6Initializer.initialize(net, TorchGenerator.manualSeed(seed));
                return GptDeep6Initializer.plan(net);
              }));

  static Stream<Arguments> runs() {
    return PORTS.stream()
        .flatMap(
            port ->
                PyTorchReference.runs(port.file()).stream()
                    .map(run -> Arguments.of(run.network(), run.seed(), port, run)));
  }

  @ParameterizedTest(name = "{0}, seed {1}")
  @MethodSource("runs")
  void everyParameterIsPyTorchs(String network, long seed, Port port, PyTorchReference.Run run) {
    InitPlan plan = port.initialized().apply(seed);
    assertEquals(List.of(), PyTorchReference.differences(plan, run), network + " seed " + seed);
  }
}
