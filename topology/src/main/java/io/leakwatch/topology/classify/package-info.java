/**
 * Classification: category, score, reason, signature, OTP flag and campaign fingerprint of each message, and the
 * known app it comes from. The message text ends here: nothing downstream carries it.
 */
package io.leakwatch.topology.classify;
