package dev.kinit.samples.models;

import dev.kinit.Network;
import java.util.ArrayList;
import java.util.List;

/** nanoGPT's {@code transformer}: a {@code ModuleDict} of the embeddings, the blocks and a norm. */
@Network
public final class Transformer {

  /** {@code Embedding(vocab_size, n_embd)}: the token embedding, tied to {@code lm_head}. */
  public final Embedding wte;

  /** {@code Embedding(block_size, n_embd)}: the position embedding. */
  public final Embedding wpe;

  /** {@code ModuleList([Block(config) for _ in range(n_layer)])}. */
  public final List<Block> h;

  /** {@code LayerNorm(n_embd)}. */
  public final LayerNorm ln_f;

  Transformer(Gpt.Config config, float[][] tokens) {
    wte = new Embedding(tokens);
    wpe = new Embedding(config.blockSize(), config.embedding());
    List<Block> blocks = new ArrayList<>();
    for (int l = 0; l < config.layers(); l++) {
      blocks.add(new Block(config.embedding()));
    }
    h = List.copyOf(blocks);
    ln_f = new LayerNorm(config.embedding());
  }
}
