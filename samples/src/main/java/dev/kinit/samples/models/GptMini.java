package dev.kinit.samples.models;

import dev.kinit.Network;
import dev.kinit.NormalInit;
import dev.kinit.Reinit;

/**
 * The GPT of the reference files (characters of Shakespeare): {@code GPT(GPTConfig(vocab_size=65,
 * block_size=32, n_layer=2, n_embd=48))}, with {@link Gpt}'s scheme and the output projections'
 * {@code std = 0.02 / sqrt(2 * n_layer)}.
 */
@Network
@Reinit(
    pass = 2,
    parameter = "c_proj.weight",
    normal = @NormalInit(std = 0.02 / 2)) // 0.02 / sqrt(2 * 2)
public final class GptMini extends Gpt {

  /** The configuration: vocabulary 65, context 32, 2 layers, 48 wide. */
  public static final Config CONFIG = new Config(65, 32, 2, 48);

  /** The model, its parameters zero until initialised. */
  public GptMini() {
    super(CONFIG);
  }
}
