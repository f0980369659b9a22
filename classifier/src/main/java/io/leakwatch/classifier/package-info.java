/**
 * SMS classification for LeakWatch: the public contract ({@link io.leakwatch.classifier.Classifier},
 * {@link io.leakwatch.classifier.Classification}, {@link io.leakwatch.classifier.RuleSpec}), signature
 * extraction and campaign fingerprints. A plain library: Lucene, no Kafka.
 */
package io.leakwatch.classifier;
