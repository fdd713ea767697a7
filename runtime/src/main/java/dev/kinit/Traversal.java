package dev.kinit;

/** The order in which a {@link Reinit} pass visits the modules of a network. */
public enum Traversal {
  /**
   * Each module before its children, in registration order: PyTorch's {@code for m in
   * self.modules()} (and {@code named_parameters()}), as torchvision's models initialise.
   */
  MODULES,
  /**
   * Each module after its children: PyTorch's {@code self.apply(fn)}, as nanoGPT initialises
   * ({@code self.apply(self._init_weights)}).
   */
  APPLY
}
