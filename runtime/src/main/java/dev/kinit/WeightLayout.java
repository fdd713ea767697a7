package dev.kinit;

/**
 * How a weight array's dimensions are ordered, which decides its fans ({@link Fans}).
 *
 * <table>
 *   <caption>Layouts</caption>
 *   <tr><th>layout</th><th>Linear / Dense</th><th>Conv2d</th><th>fan_in</th><th>fan_out</th></tr>
 *   <tr><td>{@link #TORCH}</td><td>{@code [out][in]}</td><td>{@code [out][in][kh][kw]}</td>
 *       <td>{@code shape[1]·rf}</td><td>{@code shape[0]·rf}</td></tr>
 *   <tr><td>{@link #KERAS}</td><td>{@code [in][out]}</td><td>{@code [kh][kw][in][out]}</td>
 *       <td>{@code shape[-2]·rf}</td><td>{@code shape[-1]·rf}</td></tr>
 * </table>
 *
 * <p>{@code rf}, the receptive field, is the product of the kernel's sizes: the dimensions after
 * the first two in PyTorch's layout, before the last two in Keras'. A model ported from TensorFlow
 * or JAX (which lay weights out as Keras does) keeps its weights' layout and gets the std its
 * framework would compute.
 */
public enum WeightLayout {
  /**
   * PyTorch's {@code [out][in][k…]} ({@code torch.nn.init._calculate_fan_in_and_fan_out}): at least
   * two dimensions. The default everywhere in kinit.
   */
  TORCH,
  /**
   * Keras' and TensorFlow's {@code [k…][in][out]} ({@code keras.initializers}' {@code
   * _compute_fans}): a 1-D shape has fan_in = fan_out = its size, a 0-D one 1.
   */
  KERAS
}
