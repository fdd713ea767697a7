package dev.kinit.processor;

import java.util.List;

/**
 * What {@link ProcessorFuzzTest} needs of a generated case, Java or Kotlin, to check and run it.
 */
interface GeneratedLayer {

  /** The case's number, which seeds its run. */
  int id();

  /** {@code case 12} or {@code kotlin case 12}, for messages. */
  String describe();

  /** The case's package, whose generated sources a failure shows. */
  String packageName();

  /** The binary name of the layer class. */
  String layerBinaryName();

  /** The binary name of the layer's initializer. */
  String initializerName();

  /** The binary name of {@code Sub}, the subclass a case may have. */
  String subName();

  /** The label of the weight, {@code Layer.w}, which the runtime's messages start with. */
  String weightLabel();

  /** The binary name of the bias's class and the bias's field name; empty without a bias. */
  List<String> biasField();
}
