package dev.kinit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kinit.block.BlockSampler;
import dev.kinit.internal.Rules;
import dev.kinit.torch.TorchGenerator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * The initializers beyond Kaiming as {@link Init} values and through their classes: what they write
 * where there is no randomness, how they check and describe, that a failed fill writes and draws
 * nothing, and how they take part in an {@link InitPlan}. (Distributions: {@link
 * VocabularyDistributionTest}; PyTorch's values: {@code VocabularyReferenceTest}.)
 */
class VocabularyTest {

  private static final float UNTOUCHED = 7.0f;

  // ---- what the deterministic fills write ----

  @Test
  void constantsFillEveryElementOfAnyShape() {
    float[][][] norm = new float[2][3][4];
    Constant.fill(FloatTensor.of("w", norm), 0.125);
    for (float[][] plane : norm) {
      for (float[] row : plane) {
        assertArrayEquals(new float[] {0.125f, 0.125f, 0.125f, 0.125f}, row);
      }
    }
    double[] bias = {3, 4, 5};
    Constant.zeros(DoubleTensor.of("bias", bias));
    assertArrayEquals(new double[] {0, 0, 0}, bias);
    Constant.ones(DoubleTensor.of("gamma", bias));
    assertArrayEquals(new double[] {1, 1, 1}, bias);
    float[] tiny = new float[2];
    Constant.fill(FloatTensor.of("w", tiny), 1e-40); // subnormal, but finite: as PyTorch
    assertEquals((float) 1e-40, tiny[0]);
  }

  @Test
  void eyeIsTheIdentityOfTheLeadingSquare() {
    float[][] wide = new float[2][3];
    Identity.eye(FloatTensor.of("w", wide));
    assertArrayEquals(new float[][] {{1, 0, 0}, {0, 1, 0}}, wide);
    double[] tall = new double[6];
    Identity.eye(DoubleTensor.of("w", tall, 3, 2));
    assertArrayEquals(new double[] {1, 0, 0, 1, 0, 0}, tall);
  }

  @Test
  void diracPutsAOneAtTheCentreOfEachPassedChannelPerGroup() {
    // PyTorch: w = torch.empty(4, 2, 3); nn.init.dirac_(w, 2): out 0-1 and 2-3 pass in 0-1
    float[][][] conv1d = new float[4][2][3];
    Identity.dirac(FloatTensor.of("w", conv1d), 2);
    for (int out = 0; out < 4; out++) {
      for (int in = 0; in < 2; in++) {
        float[] expected = new float[3];
        expected[1] = out % 2 == in ? 1 : 0;
        assertArrayEquals(expected, conv1d[out][in], "out " + out + ", in " + in);
      }
    }
    float[][][][] conv2d = new float[3][5][4][4]; // more inputs than outputs; even kernel: 4/2 = 2
    Identity.dirac(FloatTensor.of("w", conv2d), 1);
    float ones = 0;
    for (int out = 0; out < 3; out++) {
      assertEquals(1, conv2d[out][out][2][2]);
      for (float[][] channel : conv2d[out]) {
        for (float[] row : channel) {
          for (float value : row) {
            ones += value;
          }
        }
      }
    }
    assertEquals(3, ones);
  }

  // ---- the scales that come from shapes ----

  @Test
  void xavierScalesAreGlorotsWithThePyTorchOrKerasFans() {
    assertEquals(2 * Math.sqrt(2.0 / (20 + 6)), Xavier.std(new int[] {6, 20}, 2));
    assertEquals(Math.sqrt(6.0 / (800 + 3200)), Xavier.bound(new int[] {128, 32, 5, 5}, 1));
    assertEquals(
        Xavier.bound(new int[] {128, 32, 5, 5}, 1),
        Xavier.bound(WeightLayout.KERAS, new int[] {5, 5, 32, 128}, 1));
    assertEquals(Math.sqrt(2.0 / 10), Xavier.std(WeightLayout.KERAS, new int[] {5}, 1));
    IllegalArgumentException zero =
        assertThrows(IllegalArgumentException.class, () -> Xavier.std(new int[] {0, 0, 3}, 1));
    assertTrue(zero.getMessage().startsWith("shape [0, 0, 3] has fan_in + fan_out = 0"));
    assertEquals(
        Rules.gainProblem(-1),
        assertThrows(IllegalArgumentException.class, () -> Xavier.std(new int[] {2, 2}, -1))
            .getMessage());
  }

  @Test
  void varianceScalingDividesTheScaleByKerasFanOfAtLeastOne() {
    int[] dense = {784, 128}; // Keras: [in][out]
    assertEquals(
        2.0 / 784, VarianceScaling.variance(WeightLayout.KERAS, dense, 2, ScalingMode.FAN_IN));
    assertEquals(
        1.0 / 128, VarianceScaling.variance(WeightLayout.KERAS, dense, 1, ScalingMode.FAN_OUT));
    assertEquals(
        1.0 / 456, VarianceScaling.variance(WeightLayout.KERAS, dense, 1, ScalingMode.FAN_AVG));
    assertEquals(
        3.0, VarianceScaling.variance(WeightLayout.KERAS, new int[] {0}, 3, ScalingMode.FAN_IN));
    assertEquals(
        1.0 / 784,
        VarianceScaling.variance(WeightLayout.TORCH, new int[] {128, 784}, 1, ScalingMode.FAN_IN));
  }

  @Test
  void varianceScalingSamplesWhatKerasDescribes() {
    FloatTensor kernel = FloatTensor.of("kernel", new float[784][128]); // Keras: [in][out]
    double std = Math.sqrt(2.0 / 784) / 0.87962566103423978; // Keras' truncation correction
    assertEquals(
        new Sampling.TruncatedNormal(0, std, -2 * std, 2 * std),
        VarianceScaling.heNormal(WeightLayout.KERAS).sampling(kernel));
    double limit = Math.sqrt(3.0 / 456);
    assertEquals(
        new Sampling.Uniform(-limit, limit),
        VarianceScaling.glorotUniform(WeightLayout.KERAS).sampling(kernel));
    FloatTensor empty = FloatTensor.of("kernel", new float[0], 0, 128);
    assertEquals(
        new Sampling.Unchanged(), VarianceScaling.heNormal(WeightLayout.KERAS).sampling(empty));
    assertEquals(
        "VarianceScaling(scale=2.0, mode='fan_in', distribution='truncated_normal',"
            + " layout=KERAS): no elements",
        VarianceScaling.heNormal(WeightLayout.KERAS).describe(empty));

    // the static fill is the Init's fill
    float[][] viaFill = new float[784][128];
    float[][] viaInit = new float[784][128];
    VarianceScaling.fill(
        FloatTensor.of("kernel", viaFill),
        2,
        ScalingMode.FAN_IN,
        ScalingDistribution.TRUNCATED_NORMAL,
        WeightLayout.KERAS,
        BlockSampler.sequential(3));
    VarianceScaling.heNormal(WeightLayout.KERAS)
        .fill(FloatTensor.of("kernel", viaInit), BlockSampler.sequential(3));
    assertArrayEquals(viaInit, viaFill);
    assertTrue(viaFill[0][0] != 0 && viaFill[783][127] != 0, "filled");
  }

  // ---- checks, and failures that leave everything as it was ----

  @Test
  void badArgumentsNameTheTensorAndNeitherWriteNorDraw() {
    assertFails("w: Fan in and fan out can not be computed", Init.xavierNormal(1), 5);
    assertFails("shape [0, 0] has fan_in + fan_out = 0", Init.xavierUniform(1), 0, 0);
    assertFails(
        "w: bound 9.999999999999997E-41 is not a normal float with a finite width 2 * bound;"
            + " expected Float.MIN_NORMAL (1.1754944E-38) <= bound <= Float.MAX_VALUE / 2"
            + " (1.7014117E38); it is sqrt(3) * gain * sqrt(2 / (fan_in + fan_out)) with gain"
            + " 1.0E-40, fan_in 2 and fan_out 4",
        Init.xavierUniform(1e-40),
        4,
        2);
    assertFails(
        "w: std 5.773502691896256E-41 is not a normal float; expected Float.MIN_NORMAL"
            + " (1.1754944E-38) <= std <= Float.MAX_VALUE (3.4028235E38); it is gain * sqrt(2 /"
            + " (fan_in + fan_out)) with gain 1.0E-40, fan_in 2 and fan_out 4",
        Init.xavierNormal(1e-40),
        4,
        2);
    // variance 1e-80 / 2: a std or limit below Float.MIN_NORMAL, for each distribution
    assertFails(
        "w: std 8.038723885739652E-41 is not a normal float",
        Init.varianceScaling(
            1e-80, ScalingMode.FAN_IN, ScalingDistribution.TRUNCATED_NORMAL, WeightLayout.TORCH),
        4,
        2);
    assertFails(
        "w: std 7.071067811865475E-41 is not a normal float",
        Init.varianceScaling(
            1e-80, ScalingMode.FAN_IN, ScalingDistribution.UNTRUNCATED_NORMAL, WeightLayout.TORCH),
        4,
        2);
    assertFails(
        "w: bound 1.224744871391589E-40 is not a normal float",
        Init.varianceScaling(
            1e-80, ScalingMode.FAN_IN, ScalingDistribution.UNIFORM, WeightLayout.TORCH),
        4,
        2);
    assertFails("w: std 0.0 is not a normal float", Init.normal(0, 0), 3);
    assertFails("w: mean NaN is not a finite float", Init.normal(Double.NaN, 1), 3);
    assertFails("w: U(1.0, 0.0) is empty", Init.uniform(1, 0), 3);
    assertFails("is empty; expected a < b", Init.truncatedNormal(0, 1, 2, 1), 3);
    assertFails("w: a -1.0E300 is not a finite float", Init.truncatedNormal(0, 1, -1e300, 1), 3);
    assertFails("holds no probability in double", Init.truncatedNormal(0, 1, 9, 10), 3);
    assertFails(
        "holds too little probability for float: PyTorch's algorithm draws U(",
        Init.truncatedNormal(0, 1, 6, 7),
        3);
    assertFails("w: value 1.0E39 is not a finite float", Init.constant(1e39), 3);
    assertFails(
        "w: Only tensors with 2 dimensions are supported; shape [2, 2, 2]", Init.eye(), 2, 2, 2);
    assertFails("w: Only tensors with 3, 4, or 5 dimensions are supported", Init.dirac(1), 4, 4);
    assertFails("w: dim 0 must be divisible by groups; shape [5, 4, 3]", Init.dirac(2), 5, 4, 3);
    assertFails("w: Only tensors with 2 or more dimensions are supported", Init.orthogonal(1), 5);
    assertFails("w: value 1.0E39 is not a finite float", Init.orthogonal(1e39), 3, 3);
    assertFails(
        "w: Fan in and fan out can not be computed",
        Init.varianceScaling(
            1, ScalingMode.FAN_IN, ScalingDistribution.UNIFORM, WeightLayout.TORCH),
        5);
  }

  @Test
  void argumentsThatNoTensorCouldTakeFailWhenTheInitIsMade() {
    assertEquals(
        "gain: 0.0 is not a valid gain; expected a finite positive number",
        assertThrows(IllegalArgumentException.class, () -> Init.orthogonal(0)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> Init.xavierNormal(Double.NaN));
    assertEquals(
        "scale: 0.0 is not a valid scale; expected a finite positive number",
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    VarianceScaling.variance(
                        WeightLayout.TORCH, new int[] {4, 2}, 0, ScalingMode.FAN_IN))
            .getMessage());
    assertEquals(
        "gain: -1.0 is not a valid gain; expected a finite positive number",
        assertThrows(IllegalArgumentException.class, () -> Init.kaimingNormal(FanMode.FAN_IN, -1))
            .getMessage());
    assertEquals(
        "groups: 0 is not a valid number of groups; expected groups >= 1",
        assertThrows(IllegalArgumentException.class, () -> Init.dirac(0)).getMessage());
    assertEquals(
        "scale: -1.0 is not a valid scale; expected a finite positive number",
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    Init.varianceScaling(
                        -1, ScalingMode.FAN_IN, ScalingDistribution.UNIFORM, WeightLayout.KERAS))
            .getMessage());
  }

  @Test
  void whatFloatCannotTakeDoubleMay() {
    Init.truncatedNormal(0, 1, 6, 7).check(DoubleTensor.of("w", new double[3]));
    Init.constant(1e39).check(DoubleTensor.of("w", new double[3]));
    Init.xavierUniform(1e-40).check(DoubleTensor.of("w", new double[8], 4, 2));
  }

  /** {@code init} fails on a float tensor of {@code shape}, before writing or drawing. */
  private static void assertFails(String message, Init init, int... shape) {
    float[] data = new float[Arrays.stream(shape).reduce(1, (a, b) -> a * b)];
    Arrays.fill(data, UNTOUCHED);
    FloatTensor tensor = FloatTensor.of("w", data, shape);
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> init.check(tensor))
            .getMessage()
            .contains(message),
        () -> "check: " + assertThrows(IllegalArgumentException.class, () -> init.check(tensor)));
    TorchGenerator random = TorchGenerator.manualSeed(1);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> init.fill(tensor, random));
    assertTrue(e.getMessage().contains(message), e.getMessage());
    for (float value : data) {
      assertEquals(UNTOUCHED, value, "written: " + message);
    }
    assertEquals(TorchGenerator.manualSeed(1).nextInt(), random.nextInt(), "drawn: " + message);
    // The fill checks before it calls the sampler, whatever the sampler checks itself.
    RecordingSampler unchecking = new RecordingSampler();
    e = assertThrows(IllegalArgumentException.class, () -> init.fill(tensor, unchecking));
    assertTrue(e.getMessage().contains(message), e.getMessage());
    assertEquals(List.of(), unchecking.calls, "sampler called: " + message);
    e = assertThrows(IllegalArgumentException.class, () -> init.sampling(tensor));
    assertTrue(e.getMessage().contains(message), "sampling: " + e.getMessage());
  }

  // ---- draws, descriptions, plans ----

  @Test
  void onlyTheRandomFillsDrawAndNotOnEmptyTensors() {
    FloatTensor weight = FloatTensor.of("w", new float[4][3]);
    FloatTensor empty = FloatTensor.of("w", new float[0], 0, 3);
    for (Init random :
        List.of(
            Init.xavierNormal(1),
            Init.xavierUniform(1),
            Init.normal(0, 1),
            Init.uniform(0, 1),
            Init.truncatedNormal(0, 1, -2, 2),
            Init.orthogonal(1),
            VarianceScaling.glorotNormal(WeightLayout.TORCH))) {
      assertTrue(random.draws(weight), random.describe(weight));
      assertFalse(random.draws(empty), random.describe(empty));
      RecordingSampler sampler = new RecordingSampler();
      random.fill(empty, sampler); // PyTorch leaves an empty tensor alone: nothing drawn
      assertEquals(List.of(), sampler.calls, random.describe(empty));
      assertEquals(new Sampling.Unchanged(), random.sampling(empty), random.describe(empty));
    }
    for (Init fixed : List.of(Init.constant(2), Init.zeros(), Init.ones(), Init.eye())) {
      assertFalse(fixed.draws(weight), fixed.describe(weight));
    }
    assertFalse(Init.dirac(1).draws(FloatTensor.of("w", new float[2][2][3])));
  }

  @Test
  void descriptionsArePyTorchsCallsWithTheScale() {
    FloatTensor weight = FloatTensor.of("w", new float[6][20]);
    assertEquals(
        "xavier_normal_(gain=1.0): fan_in 20, fan_out 6, std " + Math.sqrt(2.0 / 26),
        Init.xavierNormal(1).describe(weight));
    assertEquals(
        "trunc_normal_(mean=0.0, std=0.02, a=-2.0, b=2.0)",
        Init.truncatedNormal(0, 0.02, -2, 2).describe(weight));
    assertEquals("uniform_(a=-0.1, b=0.1)", Init.uniform(-0.1, 0.1).describe(weight));
    assertEquals("constant_(val=0.5)", Init.constant(0.5).describe(weight));
    assertEquals("zeros_()", Init.zeros().describe(weight));
    assertEquals("dirac_(groups=2)", Init.dirac(2).describe(weight));
    assertEquals("orthogonal_(gain=1.5)", Init.orthogonal(1.5).describe(weight));
    assertEquals(
        "VarianceScaling(scale=2.0, mode='fan_in', distribution='truncated_normal', layout=KERAS):"
            + " n 6.0, std "
            + Math.sqrt(2.0 / 6) / VarianceScaling.TRUNCATED_STD
            + ", truncated at 2 std",
        VarianceScaling.heNormal(WeightLayout.KERAS).describe(weight));
    assertEquals("normal_(mean=0.5, std=2.0)", Init.normal(0.5, 2).describe(weight));
    assertEquals("eye_()", Init.eye().describe(weight));
    assertEquals("ones_()", Init.ones().describe(weight));
    // the scale, computed here from PyTorch's formulas (to a few ulps)
    assertDescribes(
        "kaiming_normal_(mode='fan_in', gain=1.4142135623730951): fan_in 20, std ",
        Math.sqrt(2) / Math.sqrt(20),
        Init.kaimingNormal(FanMode.FAN_IN, Math.sqrt(2)).describe(weight));
    assertDescribes( // Keras' [in][out]: fan_out is the last size
        "kaiming_uniform_(mode='fan_out', gain=1.0, layout=KERAS): fan_out 20, bound ",
        Math.sqrt(3.0 / 20),
        Init.kaimingUniform(WeightLayout.KERAS, FanMode.FAN_OUT, 1).describe(weight));
    assertEquals(
        "xavier_normal_(gain=1.0): no elements",
        Init.xavierNormal(1).describe(FloatTensor.of("e", new float[0], 0, 3)));
    assertEquals(
        "kaiming_normal_(mode='fan_in', gain=1.0): no elements",
        Init.kaimingNormal(FanMode.FAN_IN, 1).describe(FloatTensor.of("e", new float[0], 0, 20)));
    assertDescribes(
        "xavier_uniform_(gain=2.0, layout=KERAS): fan_in 6, fan_out 20, bound ",
        2 * Math.sqrt(6.0 / 26),
        Init.xavierUniform(WeightLayout.KERAS, 2).describe(weight));
    assertDescribes( // a = sqrt(5): gain sqrt(2 / 6), bound gain * sqrt(3 / fan_in)
        "kaiming_uniform_(a=math.sqrt(5)): fan_in 20, bound ",
        1 / Math.sqrt(20),
        Init.torchDefaultWeight().describe(weight));
    FloatTensor bias = FloatTensor.of("b", new float[6]);
    assertDescribes(
        "uniform_(-1/sqrt(fan_in), 1/sqrt(fan_in)), fan_in of w: fan_in 20, bound ",
        1 / Math.sqrt(20),
        Init.torchDefaultBias(weight).describe(bias));
    assertEquals(
        "uniform_(-1/sqrt(fan_in), 1/sqrt(fan_in)), fan_in of w0: fan_in 0, left as it is",
        Init.torchDefaultBias(FloatTensor.of("w0", new float[0], 6, 0)).describe(bias));
    assertDescribes(
        "VarianceScaling(scale=1.0, mode='fan_avg', distribution='uniform'): n 13.0, limit ",
        Math.sqrt(3.0 / 13),
        Init.varianceScaling(
                1, ScalingMode.FAN_AVG, ScalingDistribution.UNIFORM, WeightLayout.TORCH)
            .describe(weight));
    assertDescribes(
        "VarianceScaling(scale=1.0, mode='fan_out', distribution='untruncated_normal'): n 6.0,"
            + " std ",
        Math.sqrt(1.0 / 6),
        Init.varianceScaling(
                1, ScalingMode.FAN_OUT, ScalingDistribution.UNTRUNCATED_NORMAL, WeightLayout.TORCH)
            .describe(weight));
  }

  /** {@code description} is {@code words} followed by {@code scale}, to 4 ulps. */
  private static void assertDescribes(String words, double scale, String description) {
    assertTrue(description.startsWith(words), description);
    double written = Double.parseDouble(description.substring(words.length()));
    assertEquals(scale, written, 4 * Math.ulp(scale), description);
  }

  @Test
  void aPlanNumbersOnlyTheStepsThatDraw() {
    float[][] embedding = new float[50][8];
    float[] gamma = new float[8];
    float[][] weight = new float[8][8];
    float[] bias = new float[8];
    InitPlan.Builder builder = InitPlan.builder(new Object());
    builder.add("wte", FloatTensor.of("wte", embedding), Init.normal(0, 0.02));
    builder.add("gamma", FloatTensor.of("gamma", gamma), Init.ones());
    builder.add("weight", FloatTensor.of("weight", weight), Init.truncatedNormal(0, 0.02, -2, 2));
    builder.add("bias", FloatTensor.of("bias", bias), Init.zeros());
    InitPlan plan = builder.build();
    String[] lines = plan.describe().split("\n"); // the module's class, then a line per parameter
    assertTrue(lines[1].endsWith("fill 0"), lines[1]);
    assertTrue(lines[2].endsWith("draws nothing"), lines[2]);
    assertTrue(lines[3].endsWith("fill 1"), lines[3]);
    assertTrue(lines[4].endsWith("draws nothing"), lines[4]);

    plan.run(BlockSampler.seeded(9));
    float[][] rows = new float[3][8]; // rows 2-4 of the weight, filled alone as fill number 1
    BlockSampler.sequential(9).truncatedNormal(1, 16, FloatTensor.of("rows", rows), 0, 0.02, -2, 2);
    assertArrayEquals(Arrays.copyOfRange(weight, 2, 5), rows);
    assertArrayEquals(new float[] {1, 1, 1, 1, 1, 1, 1, 1}, gamma);
  }

  /** An initialisation of its own, as a user writes one: it says nothing of what it writes. */
  private record OwnInit(boolean valid) implements Init {
    @Override
    public void check(Tensor tensor) {
      if (!valid) {
        throw new IllegalArgumentException(tensor.name() + ": not for this tensor");
      }
    }

    @Override
    public void fill(Tensor tensor, RandomGenerator random) {
      check(tensor);
      TensorSampler.of(random).normal(tensor, 0, 1);
    }

    @Override
    public boolean draws(Tensor tensor) {
      return true;
    }

    @Override
    public String describe(Tensor tensor) {
      return "own";
    }
  }

  @Test
  void anInitThatDoesNotSayWhatItWritesIsUnshardableOnceChecked() {
    FloatTensor weight = FloatTensor.of("w", new float[2][3]);
    assertEquals(
        new Sampling.Unshardable(OwnInit.class.getName() + " does not say what it draws", true),
        new OwnInit(true).sampling(weight));
    assertEquals(
        "w: not for this tensor",
        assertThrows(IllegalArgumentException.class, () -> new OwnInit(false).sampling(weight))
            .getMessage());
  }

  // ---- the sampler extension point ----

  @Test
  void aSamplerWithoutTruncatedNormalGetsPyTorchsAlgorithmOnItsUniform() {
    List<double[]> uniformCalls = new ArrayList<>();
    SplittableRandom random = new SplittableRandom(3);
    TensorSampler recording =
        new TensorSampler() {
          @Override
          public void normal(Tensor tensor, double mean, double std) {
            throw new AssertionError("not used");
          }

          @Override
          public void uniform(Tensor tensor, double from, double to) {
            uniformCalls.add(new double[] {from, to});
            tensor.setAll(() -> random.nextDouble(from, to));
          }
        };
    double[] values = new double[1000];
    assertEquals(
        "w: N(1.0, 2.0^2) truncated to [3.0, 0.0] is empty; expected a < b",
        assertThrows(
                IllegalArgumentException.class,
                () -> recording.truncatedNormal(DoubleTensor.of("w", values), 1, 2, 3, 0))
            .getMessage());
    assertEquals(List.of(), uniformCalls, "checked before the uniform fill");
    recording.truncatedNormal(DoubleTensor.of("w", values), 1, 2, 0, 3);
    // l = Φ(-1/2), u = Φ(1): U(2l - 1, 2u - 1) = U(-erf(1/(2√2)), erf(1/√2))
    assertEquals(1, uniformCalls.size());
    assertEquals(-0.38292492254802624, uniformCalls.get(0)[0], 1e-15);
    assertEquals(0.6826894921370859, uniformCalls.get(0)[1], 1e-15);
    SplittableRandom again = new SplittableRandom(3);
    for (double value : values) {
      double u = again.nextDouble(uniformCalls.get(0)[0], uniformCalls.get(0)[1]);
      double z = Math.sqrt(2) * inverseErf(u); // the standard normal quantile of (u + 1) / 2
      assertEquals(Math.min(Math.max(1 + 2 * z, 0), 3), value, 1e-5);
    }
  }

  /**
   * PyTorch warns when the mean is more than two standard deviations outside {@code [a, b]} ({@code
   * mean < a - 2 * std or mean > b + 2 * std}), where its inverse-CDF algorithm loses precision:
   * exactly two standard deviations away is not warned about, the next double is.
   */
  @Test
  void aMeanMoreThanTwoStdOutsideTheIntervalIsWarnedAboutAsPyTorchDoes() {
    try (Warnings logged = Warnings.of(TensorSampler.class.getName())) {
      SplittableRandom random = new SplittableRandom(1);
      double[] w = new double[4];
      // [a, b] = [2, 3], std 0.5: a - 2 std = 1 exactly
      Normal.truncated(DoubleTensor.of("w", w), 1.0, 0.5, 2, 3, random);
      Normal.truncated(DoubleTensor.of("w", w), 2.5, 0.5, 2, 3, random);
      // [a, b] = [-3, -2]: b + 2 std = -1 exactly
      Normal.truncated(DoubleTensor.of("w", w), -1.0, 0.5, -3, -2, random);
      assertEquals(List.of(), logged.messages());

      Normal.truncated(DoubleTensor.of("below", w), Math.nextDown(1.0), 0.5, 2, 3, random);
      Normal.truncated(DoubleTensor.of("above", w), Math.nextUp(-1.0), 0.5, -3, -2, random);
      assertEquals(
          List.of(
              "mean is more than 2 std from [a, b] in nn.init.trunc_normal_. The distribution of"
                  + " values may be incorrect. (below: mean 0.9999999999999999, std 0.5, [a, b] = [2.0, 3.0])",
              "mean is more than 2 std from [a, b] in nn.init.trunc_normal_. The distribution of"
                  + " values may be incorrect. (above: mean -0.9999999999999999, std 0.5, [a, b] = [-3.0, -2.0])"),
          logged.messages());
    }
  }

  /**
   * erf⁻¹(u) by bisection on Numerical Recipes' erfc (relative error 1.2e-7, so about 3e-7 here):
   * independent of the code under test.
   */
  private static double inverseErf(double u) {
    double lo = -6;
    double hi = 6;
    for (int i = 0; i < 100; i++) {
      double mid = (lo + hi) / 2;
      if (1 - SampleStatistics.erfc(mid) < u) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return (lo + hi) / 2;
  }
}
