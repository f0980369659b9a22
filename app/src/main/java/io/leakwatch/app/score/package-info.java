/** Detection quality: alerts of a replay held against the simulator's truth (delay, misses, false alerts). */
package io.leakwatch.app.score;
