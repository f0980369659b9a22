/**
 * Re-drive of the dead-letter topic: records of {@code sms.dlq} that came from {@code sms.events} written back there,
 * byte for byte, once a fault that was not theirs (a registry outage, a bound set too tight) is fixed.
 */
package io.leakwatch.app.redrive;
