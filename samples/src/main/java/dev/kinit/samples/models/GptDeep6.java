package dev.kinit.samples.models;

import dev.kinit.Network;
import dev.kinit.NormalInit;
import dev.kinit.Reinit;

/**
 * A six-layer, narrow GPT: {@code GPT(GPTConfig(vocab_size=37, block_size=8, n_layer=6,
 * n_embd=32))}, with {@link Gpt}'s scheme and the output projections' {@code std = 0.02 / sqrt(2 *
 * n_layer)}.
 */
@Network
@Reinit(
    pass = 2,
    parameter = "c_proj.weight",
    normal = @NormalInit(std = 0.02 / 3.4641016151377544)) // 0.02 / sqrt(2 * 6)
public final class GptDeep6 extends Gpt {

  /** The configuration: vocabulary 37, context 8, 6 layers, 32 wide. */
  public static final Config CONFIG = new Config(37, 8, 6, 32);

  /** The model, its parameters zero until initialised. */
  public GptDeep6() {
    super(CONFIG);
  }
}
