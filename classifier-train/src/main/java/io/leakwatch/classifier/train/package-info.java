/**
 * Training: the labelled corpora and their mapping to the five categories, the fixed template-based
 * train/validation/test split, synthetic notice and one-time-code lines, synthetic short solicitation and its look-alike personal
 * messages, and the trainer itself.
 */
package io.leakwatch.classifier.train;
