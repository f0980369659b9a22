/** The trained linear model: hashed feature weights per category, a temperature for calibration, its file format. */
package io.leakwatch.classifier.model;
