/**
 * Adversarial carrier traffic, written apart from {@code simulator/} and from the detector: a profile (JSON, this
 * module's own format) and a seed give a raw SMS export ({@code events.jsonl}, {@code apps.json}) and the truth
 * about the leaks planted in it ({@code truth.json}), in the formats of {@code shared/scenarios/README.md}.
 * Depends on nothing of ours.
 */
package io.leakwatch.adversary;
