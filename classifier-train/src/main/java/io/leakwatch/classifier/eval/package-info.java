/**
 * Evaluation on the held-out test splits: per-corpus metrics, confusion matrices and the targets of issue 4; and
 * on a hand-written solicitation set: spam recall and precision against notices and personal messages.
 */
package io.leakwatch.classifier.eval;
