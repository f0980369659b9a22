/**
 * Detection quality over many generated archives: simulate a scenario or generate an adversarial profile for each
 * seed, replay it, and hold the alerts against the truth. Scoring reads only the formats of
 * {@code shared/scenarios/README.md} (truth, alerts JSON Lines), so it scores any detector's output.
 */
package io.leakwatch.app.evaluate;
