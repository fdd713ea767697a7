package net

import java.util.random.RandomGenerator

object Build {
  fun net(random: RandomGenerator) = Net().also { NetInitializer.initialize(it, random) }

  fun plan(random: RandomGenerator) = NetInitializer.plan(Net())

  fun wide(random: RandomGenerator) = Wide().also { WideInitializer.initialize(it, random) }
}
