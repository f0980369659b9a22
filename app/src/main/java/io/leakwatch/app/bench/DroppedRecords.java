package io.leakwatch.app.bench;

import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Records an application's Kafka Streams tasks dropped: late for a window, or without a key where one is needed. An
 * unpaced backlog runs some partitions ahead of others in event time, so windows may drop records that paced traffic
 * would count; the report says how many. Read from the task metrics Kafka Streams registers in JMX, since the
 * pipeline's runner does not expose its {@code KafkaStreams}.
 */
public final class DroppedRecords {

    private static final String TASK_METRICS = "kafka.streams:type=stream-task-metrics,*";
    private static final String ATTRIBUTE = "dropped-records-total";

    private DroppedRecords() {
    }

    /** The sum over the running application's tasks; read it before the application closes. */
    public static long of(final String applicationId) {
        final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try {
            double total = 0;
            for (final ObjectName task : server.queryNames(new ObjectName(TASK_METRICS), null)) {
                final String thread = ObjectName.unquote(quoted(task.getKeyProperty("thread-id")));
                if (thread.startsWith(applicationId + "-")) {
                    total += ((Number) server.getAttribute(task, ATTRIBUTE)).doubleValue();
                }
            }
            return Math.round(total);
        } catch (final JMException e) {
            throw new IllegalStateException("cannot read the dropped-records metrics of " + applicationId, e);
        }
    }

    private static String quoted(final String value) {
        return value.startsWith("\"") ? value : ObjectName.quote(value);
    }
}
