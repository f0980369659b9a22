/** Evaluation on the held-out test splits: per-corpus metrics, confusion matrices and the targets of issue 4. */
package io.leakwatch.classifier.eval;
