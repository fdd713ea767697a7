package dev.kinit.benchmarks;

import dev.kinit.FloatTensor;
import dev.kinit.LayerDefaults;
import dev.kinit.torch.TorchGenerator;
import java.util.Arrays;

/**
 * The random fills of building and initialising nanoGPT's GPT-2 small (12 layers, width 768,
 * vocabulary 50,257, context 1,024, biases: 124M parameters) in PyTorch, in PyTorch's order, on
 * plain float arrays: what {@link TorchGenerator} has to replay for that network. {@code
 * scripts/bench_torch.py --gpt2} makes the same calls in PyTorch.
 *
 * <ol>
 *   <li>Construction, each module's default initialisation: the token embedding {@code normal_(0,
 *       1)}, the position embedding too; per block, {@code c_attn}, {@code attn.c_proj}, {@code
 *       c_fc}, {@code mlp.c_proj} as {@code nn.Linear} ({@code kaiming_uniform_(a=√5)}, then the
 *       bias); {@code lm_head} (no bias), whose weight then replaces the token embedding's (tied:
 *       the embedding's first values are dropped).
 *   <li>{@code apply(_init_weights)}, children first: the embeddings {@code normal_(0, 0.02)},
 *       every {@code nn.Linear} weight {@code normal_(0, 0.02)} and bias zeros, and {@code lm_head}
 *       again (the tied weight is filled twice).
 *   <li>Every {@code c_proj.weight} {@code normal_(0, 0.02/√(2·12))}.
 * </ol>
 */
final class Gpt2SmallFills {
  static final int LAYERS = 12;
  static final int WIDTH = 768;
  static final int VOCABULARY = 50_257;
  static final int CONTEXT = 1_024;

  /** The linear layers of a block, in construction order: c_attn, attn.c_proj, c_fc, mlp.c_proj. */
  private static final int[][] BLOCK_LINEARS = {
    {WIDTH, 3 * WIDTH}, {WIDTH, WIDTH}, {WIDTH, 4 * WIDTH}, {4 * WIDTH, WIDTH}
  };

  private final float[][] constructedTokenEmbedding = new float[VOCABULARY][WIDTH];
  private final float[][] tiedTokenEmbedding = new float[VOCABULARY][WIDTH];
  private final float[][] positionEmbedding = new float[CONTEXT][WIDTH];
  private final float[][][][] weights = new float[LAYERS][BLOCK_LINEARS.length][][];
  private final float[][][] biases = new float[LAYERS][BLOCK_LINEARS.length][];

  Gpt2SmallFills() {
    for (int layer = 0; layer < LAYERS; layer++) {
      for (int k = 0; k < BLOCK_LINEARS.length; k++) {
        int in = BLOCK_LINEARS[k][0];
        int out = BLOCK_LINEARS[k][1];
        weights[layer][k] = new float[out][in]; // nn.Linear's weight: [out_features][in_features]
        biases[layer][k] = new float[out];
      }
    }
  }

  /**
   * The parameters filled: 124,401,408 values (GPT-2 small's 124,439,808 less the LayerNorms' ones
   * and zeros).
   */
  long parameters() {
    long count = (long) VOCABULARY * WIDTH + (long) CONTEXT * WIDTH;
    for (int[] linear : BLOCK_LINEARS) {
      count += LAYERS * ((long) linear[0] * linear[1] + linear[1]);
    }
    return count;
  }

  /** All the fills, from a generator in the state {@code torch.manual_seed} leaves. */
  void initialize(TorchGenerator random) {
    random.normal(FloatTensor.of("transformer.wte.weight", constructedTokenEmbedding), 0, 1);
    FloatTensor position = FloatTensor.of("transformer.wpe.weight", positionEmbedding);
    random.normal(position, 0, 1);
    for (int layer = 0; layer < LAYERS; layer++) {
      for (int k = 0; k < BLOCK_LINEARS.length; k++) {
        FloatTensor weight = FloatTensor.of("weight", weights[layer][k]);
        LayerDefaults.weight(weight, random);
        LayerDefaults.bias(FloatTensor.of("bias", biases[layer][k]), weight, random);
      }
    }
    FloatTensor tied = FloatTensor.of("lm_head.weight", tiedTokenEmbedding);
    LayerDefaults.weight(tied, random);

    random.normal(tied, 0, 0.02);
    random.normal(position, 0, 0.02);
    for (int layer = 0; layer < LAYERS; layer++) {
      for (int k = 0; k < BLOCK_LINEARS.length; k++) {
        random.normal(FloatTensor.of("weight", weights[layer][k]), 0, 0.02);
        Arrays.fill(biases[layer][k], 0f);
      }
    }
    random.normal(tied, 0, 0.02);

    double projectionStd = 0.02 / Math.sqrt(2 * LAYERS);
    for (int layer = 0; layer < LAYERS; layer++) {
      random.normal(FloatTensor.of("attn.c_proj.weight", weights[layer][1]), 0, projectionStd);
      random.normal(FloatTensor.of("mlp.c_proj.weight", weights[layer][3]), 0, projectionStd);
    }
  }
}
