/**
 * kinit's annotation processor: generates the initializers of classes with kinit-annotated fields
 * and reports invalid configurations at compile time. Compile time only: it goes on the compiler's
 * processor path (or, for a modular build, {@code --processor-module-path}), and exports nothing.
 * Its KSP front end ({@code dev.kinit.processor.ksp}) runs where KSP loads it, on a class path with
 * KSP's API: KSP loads processors through {@code META-INF/services}, never as modules, so nothing
 * here provides its service, and KSP's API is needed only to compile it.
 */
// JavaPoet, AutoService and kotlin-metadata-jvm are automatic modules, named in their manifests;
// KSP's API jar names none, so its module is named after the jar (symbol.processing.api).
@SuppressWarnings("requires-automatic")
module dev.kinit.processor {
  requires dev.kinit;
  requires java.compiler;
  requires jdk.compiler;
  requires com.palantir.javapoet;
  requires kotlin.metadata.jvm;
  requires kotlin.stdlib;
  requires static org.jspecify;
  requires static symbol.processing.api;
  requires static com.google.auto.service;

  provides javax.annotation.processing.Processor with
      dev.kinit.processor.KaimingInitProcessor,
      dev.kinit.processor.LocalClassChecker;
}
