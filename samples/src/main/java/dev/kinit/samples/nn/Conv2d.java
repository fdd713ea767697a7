package dev.kinit.samples.nn;

import static dev.kinit.FanMode.FAN_OUT;
import static dev.kinit.Nonlinearity.RELU;

import dev.kinit.FloatTensor;
import dev.kinit.KaimingInit;
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
 * <p>A sample is a flattened {@code [channels][height][width]} image; the output is a flattened
 * {@code [out][height - k + 1][width - k + 1]}.
 */
public class Conv2d implements Layer {

  /** {@code [out][in][k][k]}, as PyTorch's {@code nn.Conv2d.weight}. */
  @KaimingInit(mode = FAN_OUT, nonlinearity = RELU)
  protected final float[][][][] weight;

  /** {@code [out]}, initialised to 0. */
  protected final float[] bias;

  private final float[][][][] weightGradient;
  private final float[] biasGradient;
  private final List<Parameter> parameters;
  private final int inChannels;
  private final int kernel;
  private final int height;
  private final int width;
  private final int outHeight;
  private final int outWidth;

  private float[][] input;

  /**
   * A convolution from {@code inChannels} images of {@code height × width} to {@code outChannels}
   * images of {@code (height - kernel + 1) × (width - kernel + 1)}.
   *
   * @throws IllegalArgumentException if a size is not positive or the kernel is larger than the
   *     image
   */
  public Conv2d(int inChannels, int outChannels, int kernel, int height, int width) {
    if (inChannels < 1 || outChannels < 1 || kernel < 1 || kernel > height || kernel > width) {
      throw new IllegalArgumentException(
          "Conv2d(in "
              + inChannels
              + ", out "
              + outChannels
              + ", kernel "
              + kernel
              + ") on "
              + height
              + "x"
              + width
              + " images; expected positive sizes and a kernel no larger"
              + " than the image");
    }
    this.inChannels = inChannels;
    this.kernel = kernel;
    this.height = height;
    this.width = width;
    this.outHeight = height - kernel + 1;
    this.outWidth = width - kernel + 1;
    weight = new float[outChannels][inChannels][kernel][kernel];
    bias = new float[outChannels];
    weightGradient = new float[outChannels][inChannels][kernel][kernel];
    biasGradient = new float[outChannels];
    List<Parameter> all = new ArrayList<>(Parameter.rows(weight, weightGradient));
    all.add(new Parameter(bias, biasGradient));
    parameters = List.copyOf(all);
  }

  /** The number of output channels. */
  public int outChannels() {
    return weight.length;
  }

  /** The height of the output images. */
  public int outHeight() {
    return outHeight;
  }

  /** The width of the output images. */
  public int outWidth() {
    return outWidth;
  }

  @Override
  public float[][] forward(float[][] input) {
    Shapes.requireFeatures("input", input, inChannels * height * width);
    this.input = input;
    int plane = outHeight * outWidth;
    float[][] output = new float[input.length][weight.length * plane];
    for (int b = 0; b < input.length; b++) {
      float[] x = input[b];
      float[] y = output[b];
      for (int o = 0; o < weight.length; o++) {
        Arrays.fill(y, o * plane, (o + 1) * plane, bias[o]);
        for (int i = 0; i < inChannels; i++) {
          for (int u = 0; u < kernel; u++) {
            for (int v = 0; v < kernel; v++) {
              float w = weight[o][i][u][v];
              for (int r = 0; r < outHeight; r++) {
                int to = o * plane + r * outWidth;
                int from = (i * height + r + u) * width + v;
                for (int c = 0; c < outWidth; c++) {
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
    int plane = outHeight * outWidth;
    Shapes.requireFeatures("outputGradient", outputGradient, weight.length * plane);
    float[][] inputGradient = new float[outputGradient.length][inChannels * height * width];
    for (int b = 0; b < outputGradient.length; b++) {
      float[] x = input[b];
      float[] dy = outputGradient[b];
      float[] dx = inputGradient[b];
      for (int o = 0; o < weight.length; o++) {
        float sum = 0;
        for (int p = o * plane; p < (o + 1) * plane; p++) {
          sum += dy[p];
        }
        biasGradient[o] += sum;
        for (int i = 0; i < inChannels; i++) {
          for (int u = 0; u < kernel; u++) {
            for (int v = 0; v < kernel; v++) {
              float w = weight[o][i][u][v];
              float dw = 0;
              for (int r = 0; r < outHeight; r++) {
                int at = o * plane + r * outWidth;
                int from = (i * height + r + u) * width + v;
                for (int c = 0; c < outWidth; c++) {
                  dx[from + c] += w * dy[at + c];
                }
                for (int c = 0; c < outWidth; c++) {
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
    Arrays.fill(bias, 0);
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
    return "Conv2d("
        + inChannels
        + " -> "
        + weight.length
        + ", "
        + kernel
        + "x"
        + kernel
        + ") on "
        + height
        + "x"
        + width;
  }
}
