/**
 * kinit's annotation processor: generates the initializers of classes with kinit-annotated fields
 * and reports invalid configurations at compile time. Compile time only: it goes on the compiler's
 * processor path (or, for a modular build, {@code --processor-module-path}), and exports nothing.
 */
// JavaPoet, AutoService and kotlin-metadata-jvm are automatic modules, named in their manifests.
@SuppressWarnings("requires-automatic")
module dev.kinit.processor {
  requires dev.kinit;
  requires java.compiler;
  requires jdk.compiler;
  requires com.palantir.javapoet;
  requires kotlin.metadata.jvm;
  requires kotlin.stdlib;
  requires static org.jspecify;
  requires static com.google.auto.service;

  provides javax.annotation.processing.Processor with
      dev.kinit.processor.KaimingInitProcessor,
      dev.kinit.processor.LocalClassChecker;
}
