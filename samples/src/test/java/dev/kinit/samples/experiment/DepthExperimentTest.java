package dev.kinit.samples.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kinit.samples.data.Dataset;
import dev.kinit.samples.data.SyntheticImages;
import dev.kinit.samples.train.Progress;
import dev.kinit.samples.train.Trainer;
import org.junit.jupiter.api.Test;

/**
 * He et al. 2015, Fig. 3, in small: the 30-layer plain ReLU network learns with Kaiming
 * initialisation and stalls with Xavier's, same data, order and SGD settings.
 */
class DepthExperimentTest {

  @Test
  void kaimingLearnsWhereXavierStalls() {
    Dataset.Split data = SyntheticImages.generate(2000, 500, 11);
    Trainer.Settings settings = DepthExperiment.settings(6);
    DepthExperiment.Run kaiming =
        DepthExperiment.train(data, WeightInit.KAIMING_FAN_IN, settings, 5, Progress.silent());
    DepthExperiment.Run xavier =
        DepthExperiment.train(data, WeightInit.XAVIER, settings, 5, Progress.silent());
    assertEquals(7, kaiming.epochs().size()); // epoch 0, as initialised, and 6 trained
    assertEquals(0, xavier.epochs().get(0).epoch());
    // Xavier's logits have shrunk by about 2^-15 through 30 layers: the softmax is uniform.
    assertEquals(Math.log(10), xavier.epochs().get(0).trainLoss(), 1e-3);
    // Chance is 10% (loss ln 10 = 2.303). Seen: Kaiming reaches a training loss of 0.65 and 68%
    // test accuracy; Xavier's loss stays within 0.002 of ln 10 and its accuracy at 10%.
    assertTrue(kaiming.last().trainLoss() < 1.2, "Kaiming loss " + kaiming.last().trainLoss());
    assertTrue(kaiming.last().testAccuracy() > 0.4, "Kaiming accuracy " + kaiming.last());
    assertTrue(xavier.last().trainLoss() > 2.29, "Xavier loss " + xavier.last().trainLoss());
    assertTrue(xavier.last().testAccuracy() < 0.2, "Xavier accuracy " + xavier.last());
  }
}
