package dev.kinit.samples.models;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kinit.InitPlan;
import dev.kinit.torch.TorchGenerator;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
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
          port(
              "resnet18.json",
              ResNet::resnet18,
              ResNetInitializer::initialize,
              ResNetInitializer::plan),
          port(
              "resnet18-more-seeds.json",
              ResNet::resnet18,
              ResNetInitializer::initialize,
              ResNetInitializer::plan),
          port(
              "resnet34-zero-init-residual.json",
              ZeroInitResidualResNet::resnet34,
              ZeroInitResidualResNetInitializer::initialize,
              ZeroInitResidualResNetInitializer::plan),
          port(
              "resnet50.json",
              ResNet::resnet50,
              ResNetInitializer::initialize,
              ResNetInitializer::plan),
          port("vgg11_bn.json", Vgg::vgg11_bn, VggInitializer::initialize, VggInitializer::plan),
          port(
              "mobilenet_v2.json",
              MobileNetV2::mobilenet_v2,
              MobileNetV2Initializer::initialize,
              MobileNetV2Initializer::plan),
          port(
              "efficientnet_b0.json",
              EfficientNet::efficientnet_b0,
              EfficientNetInitializer::initialize,
              EfficientNetInitializer::plan),
          port(
              "densenet121.json",
              DenseNet::densenet121,
              DenseNetInitializer::initialize,
              DenseNetInitializer::plan),
          port(
              "gpt-mini.json",
              GptMini::new,
              GptMiniInitializer::initialize,
              GptMiniInitializer::plan),
          port(
              "gpt-small4.json",
              GptSmall4::new,
              GptSmall4Initializer::initialize,
              GptSmall4Initializer::plan),
          port(
              "gpt-deep6.json",
              GptDeep6::new,
              GptDeep6Initializer::initialize,
              GptDeep6Initializer::plan));

  /**
   * The port of {@code file}: a new {@code model}, one generated call ({@code initialize}) after
   * {@code TorchGenerator.manualSeed(seed)}, and its plan, whose parameters the test reads.
   */
  private static <N> Port port(
      String file,
      Supplier<N> model,
      BiConsumer<N, RandomGenerator> initialize,
      Function<N, InitPlan> plan) {
    return new Port(
        file,
        seed -> {
          N net = model.get();
          initialize.accept(net, TorchGenerator.manualSeed(seed));
          return plan.apply(net);
        });
  }

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
