package dev.kinit.samples.models;

import static dev.kinit.Traversal.APPLY;

import dev.kinit.Network;
import dev.kinit.NormalInit;
import dev.kinit.Reinit;
import dev.kinit.ZerosInit;

/**
 * A nanoGPT-style GPT (karpathy/nanoGPT's {@code model.py}, {@code bias=True}), as its parameters:
 * token and position embeddings, {@code n_layer} blocks, a final layer norm, and an output layer
 * {@code lm_head} whose weight is the token embedding's (tied). Its scheme, after every module has
 * run its own default:
 *
 * <pre>
 *   self.apply(self._init_weights)            # children before their parent
 *       # Linear: normal_(weight, 0, 0.02), zeros_(bias); Embedding: normal_(weight, 0, 0.02)
 *   for pn, p in self.named_parameters():
 *       if pn.endswith("c_proj.weight"):
 *           torch.nn.init.normal_(p, mean=0.0, std=0.02 / math.sqrt(2 * n_layer))
 * </pre>
 *
 * <p>The first part is this class's rules. The second depends on {@code n_layer}, and a rule's
 * numbers are constants: each depth is a subclass with its own rule ({@link GptMini}, {@link
 * Gpt2Small}, …). The tied weight is initialised by both its modules, as in PyTorch, and named
 * once, {@code transformer.wte.weight}.
 */
@Network
@Reinit(
    module = Linear.class,
    parameter = "weight",
    order = APPLY,
    normal = @NormalInit(std = 0.02))
@Reinit(module = Linear.class, parameter = "bias", order = APPLY, zeros = @ZerosInit)
@Reinit(
    module = Embedding.class,
    parameter = "weight",
    order = APPLY,
    normal = @NormalInit(std = 0.02))
public abstract class Gpt {

  /**
   * nanoGPT's {@code GPTConfig}: {@code vocab_size}, {@code block_size}, {@code n_layer}, {@code
   * n_embd}.
   */
  public record Config(int vocabSize, int blockSize, int layers, int embedding) {
    /**
     * @throws IllegalArgumentException unless every size is positive
     */
    public Config {
      if (vocabSize < 1 || blockSize < 1 || layers < 1 || embedding < 1) {
        throw new IllegalArgumentException("GPT config " + this + "; expected positive sizes");
      }
    }
  }

  /**
   * nanoGPT's {@code transformer}, a {@code ModuleDict}: {@code wte}, {@code wpe}, {@code h},
   * {@code ln_f}.
   */
  public final Transformer transformer;

  /** {@code Linear(n_embd, vocab_size, bias=False)}, its weight tied to {@code transformer.wte}. */
  public final Linear lm_head;

  /** The configuration. */
  public final Config config;

  /** {@code GPT(config)}. */
  protected Gpt(Config config) {
    this.config = config;
    float[][] tokens = new float[config.vocabSize()][config.embedding()];
    transformer = new Transformer(config, tokens);
    lm_head = new Linear(tokens, false); // self.transformer.wte.weight = self.lm_head.weight
  }
}
