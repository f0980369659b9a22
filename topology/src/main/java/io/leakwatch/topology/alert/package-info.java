/**
 * Leak detection and incidents: compares each app cohort's spam exposure with the other cohorts' (exact
 * conditional binomial test on the rate ratio, alerting on its lower bound), names the buyer senders enriched
 * in it (Benjamini–Hochberg), credits shared members to the app that best explains them, and turns the
 * signal into one incident per app and leak: OPEN, UPDATED, RESOLVED. See topology/DETECTION.md.
 */
package io.leakwatch.topology.alert;
