/**
 * kinit's runtime: Kaiming (He) weight initialisation with PyTorch's semantics, for plain Java
 * arrays. The API is {@link dev.kinit}; {@link dev.kinit.block} holds a fast parallel sampler and
 * {@link dev.kinit.torch} PyTorch's CPU generator. No run-time dependency beyond {@code java.base}.
 */
// The qualified export names the processor's module, which is not on the module path when this
// module compiles on its own: javac's [module] lint ("module not found") is expected there, and
// suppressed for this declaration only.
@SuppressWarnings("module")
module dev.kinit {
  // Nullness annotations (JSpecify), in the API too: for compilers and analysers, not needed at run
  // time (static). Not transitive: a module that reads this one compiles without JSpecify, which
  // its users do not get (the dependency's scope is provided).
  requires static org.jspecify;

  exports dev.kinit;
  exports dev.kinit.block;
  exports dev.kinit.torch;
  // Not API: what the annotation processor shares with the runtime (see its package comment).
  exports dev.kinit.internal to
      dev.kinit.processor;
}
