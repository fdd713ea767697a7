package dev.kinit.samples.models;

import dev.kinit.Network;
import dev.kinit.NormalInit;
import dev.kinit.Reinit;

/**
 * GPT-2 small's shape (124M parameters): {@code GPT(GPTConfig(vocab_size=50257, block_size=1024,
 * n_layer=12, n_embd=768))}, with {@link Gpt}'s scheme and the output projections' {@code std =
 * 0.02 / sqrt(2 * n_layer)}.
 */
@Network
@Reinit(
    pass = 2,
    parameter = "c_proj.weight",
    normal = @NormalInit(std = 0.02 / 4.898979485566356)) // 0.02 / sqrt(2 * 12)
public final class Gpt2Small extends Gpt {

  /** The configuration: vocabulary 50257, context 1024, 12 layers, 768 wide. */
  public static final Config CONFIG = new Config(50257, 1024, 12, 768);

  /** The model, its parameters zero until initialised. */
  public Gpt2Small() {
    super(CONFIG);
  }
}
