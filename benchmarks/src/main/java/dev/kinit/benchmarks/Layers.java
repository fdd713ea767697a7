package dev.kinit.benchmarks;

import static dev.kinit.Distribution.UNIFORM;
import static dev.kinit.Nonlinearity.RELU;

import dev.kinit.KaimingInit;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * Layers whose initializers the kinit processor generates at build time, one per distribution,
 * layout and size of {@link FillBenchmark}: a benchmark that calls {@code
 * Layers_NormalFlat4096Initializer.initialize(layer, random)} measures the generated code. The
 * weight fields are set to the benchmark's arrays, so both paths fill the same memory.
 */
final class Layers {
  private Layers() {}

  /** The generated initializer of the normal flat layer of side {@code side}, on {@code weight}. */
  static Consumer<RandomGenerator> normalFlat(int side, float[] weight) {
    return switch (side) {
      case 32 -> {
        NormalFlat32 layer = new NormalFlat32();
        layer.weight = weight;
        yield random -> Layers_NormalFlat32Initializer.initialize(layer, random);
      }
      case 256 -> {
        NormalFlat256 layer = new NormalFlat256();
        layer.weight = weight;
        yield random -> Layers_NormalFlat256Initializer.initialize(layer, random);
      }
      case 4096 -> {
        NormalFlat4096 layer = new NormalFlat4096();
        layer.weight = weight;
        yield random -> Layers_NormalFlat4096Initializer.initialize(layer, random);
      }
      default -> throw new IllegalArgumentException("side: " + side + "; expected 32, 256 or 4096");
    };
  }

  /**
   * The generated initializer of the normal nested layer of side {@code side}, on {@code weight}.
   */
  static Consumer<RandomGenerator> normalNested(int side, float[][] weight) {
    return switch (side) {
      case 32 -> {
        NormalNested32 layer = new NormalNested32();
        layer.weight = weight;
        yield random -> Layers_NormalNested32Initializer.initialize(layer, random);
      }
      case 256 -> {
        NormalNested256 layer = new NormalNested256();
        layer.weight = weight;
        yield random -> Layers_NormalNested256Initializer.initialize(layer, random);
      }
      case 4096 -> {
        NormalNested4096 layer = new NormalNested4096();
        layer.weight = weight;
        yield random -> Layers_NormalNested4096Initializer.initialize(layer, random);
      }
      default -> throw new IllegalArgumentException("side: " + side + "; expected 32, 256 or 4096");
    };
  }

  /**
   * The generated initializer of the uniform flat layer of side {@code side}, on {@code weight}.
   */
  static Consumer<RandomGenerator> uniformFlat(int side, float[] weight) {
    return switch (side) {
      case 32 -> {
        UniformFlat32 layer = new UniformFlat32();
        layer.weight = weight;
        yield random -> Layers_UniformFlat32Initializer.initialize(layer, random);
      }
      case 256 -> {
        UniformFlat256 layer = new UniformFlat256();
        layer.weight = weight;
        yield random -> Layers_UniformFlat256Initializer.initialize(layer, random);
      }
      case 4096 -> {
        UniformFlat4096 layer = new UniformFlat4096();
        layer.weight = weight;
        yield random -> Layers_UniformFlat4096Initializer.initialize(layer, random);
      }
      default -> throw new IllegalArgumentException("side: " + side + "; expected 32, 256 or 4096");
    };
  }

  /**
   * The generated initializer of the uniform nested layer of side {@code side}, on {@code weight}.
   */
  static Consumer<RandomGenerator> uniformNested(int side, float[][] weight) {
    return switch (side) {
      case 32 -> {
        UniformNested32 layer = new UniformNested32();
        layer.weight = weight;
        yield random -> Layers_UniformNested32Initializer.initialize(layer, random);
      }
      case 256 -> {
        UniformNested256 layer = new UniformNested256();
        layer.weight = weight;
        yield random -> Layers_UniformNested256Initializer.initialize(layer, random);
      }
      case 4096 -> {
        UniformNested4096 layer = new UniformNested4096();
        layer.weight = weight;
        yield random -> Layers_UniformNested4096Initializer.initialize(layer, random);
      }
      default -> throw new IllegalArgumentException("side: " + side + "; expected 32, 256 or 4096");
    };
  }

  /** Normal fill of a 32×32 (1K) flat weight. */
  static final class NormalFlat32 {
    @KaimingInit(
        nonlinearity = RELU,
        shape = {32, 32})
    float[] weight;
  }

  /** Normal fill of a 32×32 (1K) nested weight. */
  static final class NormalNested32 {
    @KaimingInit(nonlinearity = RELU)
    float[][] weight;
  }

  /** Normal fill of a 256×256 (64K) flat weight. */
  static final class NormalFlat256 {
    @KaimingInit(
        nonlinearity = RELU,
        shape = {256, 256})
    float[] weight;
  }

  /** Normal fill of a 256×256 (64K) nested weight. */
  static final class NormalNested256 {
    @KaimingInit(nonlinearity = RELU)
    float[][] weight;
  }

  /** Normal fill of a 4096×4096 (16M) flat weight. */
  static final class NormalFlat4096 {
    @KaimingInit(
        nonlinearity = RELU,
        shape = {4096, 4096})
    float[] weight;
  }

  /** Normal fill of a 4096×4096 (16M) nested weight. */
  static final class NormalNested4096 {
    @KaimingInit(nonlinearity = RELU)
    float[][] weight;
  }

  /** Uniform fill of a 32×32 (1K) flat weight. */
  static final class UniformFlat32 {
    @KaimingInit(
        nonlinearity = RELU,
        shape = {32, 32},
        distribution = UNIFORM)
    float[] weight;
  }

  /** Uniform fill of a 32×32 (1K) nested weight. */
  static final class UniformNested32 {
    @KaimingInit(nonlinearity = RELU, distribution = UNIFORM)
    float[][] weight;
  }

  /** Uniform fill of a 256×256 (64K) flat weight. */
  static final class UniformFlat256 {
    @KaimingInit(
        nonlinearity = RELU,
        shape = {256, 256},
        distribution = UNIFORM)
    float[] weight;
  }

  /** Uniform fill of a 256×256 (64K) nested weight. */
  static final class UniformNested256 {
    @KaimingInit(nonlinearity = RELU, distribution = UNIFORM)
    float[][] weight;
  }

  /** Uniform fill of a 4096×4096 (16M) flat weight. */
  static final class UniformFlat4096 {
    @KaimingInit(
        nonlinearity = RELU,
        shape = {4096, 4096},
        distribution = UNIFORM)
    float[] weight;
  }

  /** Uniform fill of a 4096×4096 (16M) nested weight. */
  static final class UniformNested4096 {
    @KaimingInit(nonlinearity = RELU, distribution = UNIFORM)
    float[][] weight;
  }
}
