package dev.kinit.samples.ksp

import dev.kinit.Network
import dev.kinit.NormalInit
import dev.kinit.Reinit

/** A block of the network: a sealed type, told apart when the initializer runs. */
sealed interface Block

/** A convolution and its normalisation: a network of its own. */
@Network
class ConvBlock(channels: Int) : Block {
  val conv = Conv2d(channels, channels, 3)
  val norm = BatchNorm(channels)
}

/** A block without parameters, which still counts in the list's indices. */
object Skip : Block

/**
 * A small convolutional network: its modules' own initialisations in construction order, then the
 * rule that re-draws the classifier's weights from N(0, 0.01²), as torchvision's models do.
 */
@Network
@Reinit(module = Linear::class, parameter = "weight", normal = [NormalInit(std = 0.01)])
class SmallNet(channels: Int = 8, classes: Int = 10) {
  val stem = Conv2d(3, channels, 3)
  val blocks: List<Block> = listOf(ConvBlock(channels), Skip, ConvBlock(channels))
  val projection = FlatLinear(16, channels)
  val head = Linear(16, classes)
}
