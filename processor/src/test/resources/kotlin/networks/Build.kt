package net

import java.util.random.RandomGenerator

object Build {
  fun net(random: RandomGenerator) = Net().also { NetInitializer.initialize(it, random) }

  fun plan(random: RandomGenerator) = NetInitializer.plan(Net())

  fun wide(random: RandomGenerator) = Wide().also { WideInitializer.initialize(it, random) }

  fun gatedPlan(random: RandomGenerator) = GatedInitializer.plan(Gated(true))

  fun ungatedPlan(random: RandomGenerator) = GatedInitializer.plan(Gated(false))

  fun scaledPlan(random: RandomGenerator) = ScaledInitializer.plan(Scaled(Norm(2), FloatArray(3)))

  fun bigPlan(random: RandomGenerator) = BigInitializer.plan(Big())

  fun seqPlan(random: RandomGenerator) = SeqInitializer.plan(Seq(Conv(2, 2)))

  fun dictPlan(random: RandomGenerator) =
    DictInitializer.plan(Dict(mapOf("z" to Seq(Conv(2, 2)), "a" to Seq(Conv(2, 2))), mapOf("n" to Norm(2))))

  fun seqsPlan(random: RandomGenerator) = SeqsInitializer.plan(Seqs(listOf(Seq(Conv(2, 2)), Seq(Conv(2, 2)))))

  fun stagePlan(random: RandomGenerator) =
    StageInitializer.plan(Stage(Conv(2, 2), listOf(Norm(2), Relu, Conv(3, 2)), arrayOf(Conv(4, 3)), "a tag"))
}
