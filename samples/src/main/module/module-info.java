/**
 * kinit's samples: hand-written Java and Kotlin layers initialised by kinit, the experiments and
 * the demos, as one module that reads kinit's runtime as a user's module would.
 */
// XChart is an automatic module (its jar names itself, Automatic-Module-Name): expected here.
@SuppressWarnings("requires-automatic")
module dev.kinit.samples {
  requires dev.kinit;
  requires kotlin.stdlib;
  requires org.knowm.xchart;
  requires java.desktop;
  // The generated initializers carry @javax.annotation.processing.Generated, a compile-time
  // annotation of java.compiler (as Dagger's and AutoValue's generated code does).
  requires static java.compiler;
  // Nullness annotations (JSpecify) on the samples' optional parameters: compile time only.
  requires static org.jspecify;
}
