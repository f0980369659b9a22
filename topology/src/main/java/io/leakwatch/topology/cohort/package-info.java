/**
 * Cohort statistics: per app and time bucket, how many members there were and how many of them third-party
 * spam reached, in the recent stratum (registered within the horizon) and overall, with the overlap with every
 * other app (for explaining-away) and the senders that reached them. Emitted once per bucket.
 */
package io.leakwatch.topology.cohort;
