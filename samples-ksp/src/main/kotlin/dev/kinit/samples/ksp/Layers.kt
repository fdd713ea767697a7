package dev.kinit.samples.ksp

import dev.kinit.FanMode.FAN_OUT
import dev.kinit.KaimingInit
import dev.kinit.Nonlinearity.RELU
import dev.kinit.OnesInit
import dev.kinit.TorchDefaultInit
import dev.kinit.ZerosInit

/** PyTorch's `nn.Linear`: its default initialisation; no bias when `bias` is false. */
class Linear(inFeatures: Int, outFeatures: Int, bias: Boolean = true) {
  @TorchDefaultInit val weight = Array(outFeatures) { FloatArray(inFeatures) }

  @TorchDefaultInit(biasOf = "weight")
  val bias: FloatArray? = if (bias) FloatArray(outFeatures) else null
}

/** A convolution as torchvision's ResNet initialises it: Kaiming, fan_out, ReLU; no bias. */
class Conv2d(inChannels: Int, outChannels: Int, kernel: Int) {
  @KaimingInit(mode = FAN_OUT, nonlinearity = RELU)
  val weight = Array(outChannels) { Array(inChannels) { Array(kernel) { FloatArray(kernel) } } }
}

/** Batch normalisation's affine parameters: ones and zeros. */
class BatchNorm(features: Int) {
  @OnesInit val weight = FloatArray(features)
  @ZerosInit val bias = FloatArray(features)
}

/**
 * A flat weight whose shape comes from the layer's own sizes, one of them `internal` (its getter's
 * JVM name is mangled) and the array a `@JvmField` read directly.
 */
class FlatLinear(val outFeatures: Int, internal val inFeatures: Int) {
  @JvmField
  @KaimingInit(nonlinearity = RELU, shapeFields = ["outFeatures", "inFeatures"])
  val weight = FloatArray(outFeatures * inFeatures)
}
