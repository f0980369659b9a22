/**
 * Message texts per category: the built-in sample of held-out labelled corpora
 * ({@link io.leakwatch.simulator.corpus.SampleCorpus} regenerates it), the rule that decides
 * which rows are held out ({@link io.leakwatch.simulator.corpus.TemplateBucket}), and the filling
 * of the corpora's placeholder tokens with synthetic values.
 */
package io.leakwatch.simulator.corpus;
