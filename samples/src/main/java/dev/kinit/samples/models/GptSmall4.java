package dev.kinit.samples.models;

import dev.kinit.Network;
import dev.kinit.NormalInit;
import dev.kinit.Reinit;

/**
 * A four-layer GPT: {@code GPT(GPTConfig(vocab_size=101, block_size=24, n_layer=4, n_embd=64))},
 * with {@link Gpt}'s scheme and the output projections' {@code std = 0.02 / sqrt(2 * n_layer)}.
 */
@Network
@Reinit(
    pass = 2,
    parameter = "c_proj.weight",
    normal = @NormalInit(std = 0.02 / 2.8284271247461903)) // 0.02 / sqrt(2 * 4)
public final class GptSmall4 extends Gpt {

  /** The configuration: vocabulary 101, context 24, 4 layers, 64 wide. */
  public static final Config CONFIG = new Config(101, 24, 4, 64);

  /** The model, its parameters zero until initialised. */
  public GptSmall4() {
    super(CONFIG);
  }
}
