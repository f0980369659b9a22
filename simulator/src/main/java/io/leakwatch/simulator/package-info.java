/**
 * Scenario to carrier traffic plus the truth about the leaks planted in it.
 *
 * <p>{@link io.leakwatch.simulator.Simulator} reads a {@link io.leakwatch.simulator.Scenario},
 * generates every SMS of the simulated days and writes {@code events.jsonl} (the raw export
 * format investigators replay), {@code apps.json} and {@code truth.json}. This module never
 * sees the detector, so the truth cannot leak into detection.
 */
package io.leakwatch.simulator;
