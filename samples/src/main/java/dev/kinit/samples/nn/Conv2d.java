package dev.kinit.samples.nn;

import static dev.kinit.FanMode.FAN_OUT;
import static dev.kinit.Nonlinearity.RELU;

import dev.kinit.FloatTensor;
import dev.kinit.KaimingInit;
import dev.kinit.ZerosInit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A 2-D convolution with bias, stride 1 and no padding (PyTorch's {@code nn.Conv2d(in, out, k)}),
 * followed by a ReLU. Kaiming normal with fan_out = {@code out · k · k}, which keeps the variance
 * of the gradients through the backward pass (He et al. 2015, eq. 14), as torchvision's ResNet
 * does.
 *
 * <pre>
 *   y[o][r][c]   = bias[o] + Σ_{i,u,v} W[o][i][u][v] · x[i][r+u][c+v]
 *   dx[i][r+u][c+v] += W[o][i][u][v] · dy[o][r][c]
 *   dW[o][i][u][v]  += Σ_{b,r,c} dy[o][r][c] · x[i][r+u][c+v],   db[o] += Σ_{b,r,c} dy[o][r][c]
 * </pre>
 *
 * <p>An input {@code in × h × w} gives an output {@code out × (h - k + 1) × (w - k + 1)}.
 */
public class Conv2d implements Layer {

  /** {@code [out][in][k][k]}, as PyTorch's {@code nn.Conv2d.weight}. */
  @KaimingInit(mode = FAN_OUT, nonlinearity = RELU)
  protected final float[][][][] weight;

  /** {@code [out]}, initialised to 0. */
  @ZerosInit protected final float[] bias;

  private final float[][][][] weightGradient;
  private final float[] biasGradient;
  private final List<Parameter> parameters;
  private final Image in;
  private final Image out;
  private final int kernel;

  private float[][] input;

  /**
   * A {@code kernel × kernel} convolution from images {@code in} to {@code outChannels} channels.
   *
   * @throws IllegalArgumentException if {@code outChannels} or {@code kernel} is not positive or
   *     the kernel is larger than the image
   */
  public Conv2d(Image in, int outChannels, int kernel) {
    if (outChannels < 1 || kernel < 1 || kernel > in.height() || kernel > in.width()) {
      throw new IllegalArgumentException(
          String.format(
              "Conv2d(out %d, kernel %d) on %s images; expected positive sizes and a kernel no"
                  + " larger than the image",
              outChannels, kernel, in));
    }
    this.in = in;
    this.out = new Image(outChannels, in.height() - kernel + 1, in.width() - kernel + 1);
    this.kernel = kernel;
    weight = new float[outChannels][in.channels()][kernel][kernel];
    bias = new float[outChannels];
    weightGradient = new float[outChannels][in.channels()][kernel][kernel];
    biasGradient = new float[outChannels];
    List<Parameter> all = new ArrayList<>(Parameter.rows(weight, weightGradient));
    all.add(new Parameter(bias, biasGradient));
    parameters = List.copyOf(all);
  }

  /** The shape of the output images. */
  public Image output() {
    return out;
  }

  @Override
  public float[][] forward(float[][] input) {
    Shapes.requireFeatures("input", input, in.size());
    this.input = input;
    int plane = out.height() * out.width();
    float[][] output = new float[input.length][out.size()];
    for (int b = 0; b < input.length; b++) {
      float[] x = input[b];
      float[] y = output[b];
      for (int o = 0; o < out.channels(); o++) {
        Arrays.fill(y, o * plane, (o + 1) * plane, bias[o]);
        for (int i = 0; i < in.channels(); i++) {
          for (int u = 0; u < kernel; u++) {
            for (int v = 0; v < kernel; v++) {
              float w = weight[o][i][u][v];
              for (int r = 0; r < out.height(); r++) {
                int to = out.index(o, r, 0);
                int from = in.index(i, r + u, v);
                for (int c = 0; c < out.width(); c++) {
                  y[to + c] += w * x[from + c];
                }
              }
            }
          }
        }
      }
    }
    return output;
  }

  @Override
  public float[][] backward(float[][] outputGradient) {
    Shapes.requireFeatures("outputGradient", outputGradient, out.size());
    int plane = out.height() * out.width();
    float[][] inputGradient = new float[outputGradient.length][in.size()];
    for (int b = 0; b < outputGradient.length; b++) {
      float[] x = input[b];
      float[] dy = outputGradient[b];
      float[] dx = inputGradient[b];
      for (int o = 0; o < out.channels(); o++) {
        float sum = 0;
        for (int p = o * plane; p < (o + 1) * plane; p++) {
          sum += dy[p];
        }
        biasGradient[o] += sum;
        for (int i = 0; i < in.channels(); i++) {
          for (int u = 0; u < kernel; u++) {
            for (int v = 0; v < kernel; v++) {
              float w = weight[o][i][u][v];
              float dw = 0;
              for (int r = 0; r < out.height(); r++) {
                int at = out.index(o, r, 0);
                int from = in.index(i, r + u, v);
                for (int c = 0; c < out.width(); c++) {
                  dx[from + c] += w * dy[at + c];
                }
                for (int c = 0; c < out.width(); c++) {
                  dw += dy[at + c] * x[from + c];
                }
              }
              weightGradient[o][i][u][v] += dw;
            }
          }
        }
      }
    }
    return inputGradient;
  }

  @Override
  public void initialize(RandomGenerator random) {
    Conv2dInitializer.initialize(this, random);
  }

  @Override
  public List<Parameter> parameters() {
    return parameters;
  }

  @Override
  public List<FloatTensor> weights() {
    return List.of(FloatTensor.of("Conv2d.weight", weight));
  }

  @Override
  public String toString() {
    return String.format(
        "Conv2d(%d -> %d, %dx%d) on %s", in.channels(), out.channels(), kernel, kernel, in);
  }
}
