/**
 * Text analysis before any model sees a message: width and case folding, entity tokens (numbers, links,
 * phones), keyword scanning, sender types, one-time-code detection, and the Lucene analysis chain that turns
 * the normalised text into hashed features.
 */
package io.leakwatch.classifier.analysis;
