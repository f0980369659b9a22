/** Scoring the compliance findings of a replay against a simulation's truth. */
package io.leakwatch.app.compliance;
