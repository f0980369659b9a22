/**
 * App membership: an OTP from a known app tells that a recipient registered with it, and when. Spam to a
 * member becomes an exposure of that app's cohort, re-keyed by app for the cohort stage.
 */
package io.leakwatch.topology.membership;
