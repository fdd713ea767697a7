package dev.kinit.samples.train;

/**
 * What one epoch of training gave.
 *
 * @param epoch 1 for the first pass over the training set
 * @param trainLoss the mean cross-entropy over the epoch's mini-batches, as they were trained
 * @param trainAccuracy the fraction of training samples classified right during the epoch
 * @param testLoss the mean cross-entropy on the test set after the epoch
 * @param testAccuracy the fraction of test samples classified right after the epoch
 * @param seconds how long the epoch took, evaluation included
 */
public record EpochResult(
    int epoch,
    double trainLoss,
    double trainAccuracy,
    double testLoss,
    double testAccuracy,
    double seconds) {}
