package io.leakwatch.topology.compliance;

import io.leakwatch.schemas.Rule;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The compliance settings in force: the resource's defaults with the {@code rules} topic's records whose id starts
 * with {@value #PREFIX} applied (the key after the prefix, the value in {@code pattern}; a disabled or deleted record
 * restores the default). Swapped atomically when such a record changes; the classifier ignores these records.
 */
public final class ComplianceRules {

    public static final String PREFIX = "compliance.";

    private volatile ComplianceSettings current = ComplianceSettings.defaults();
    private volatile boolean loaded;

    public static boolean isSetting(String ruleId) {
        return ruleId != null && ruleId.startsWith(PREFIX);
    }

    public ComplianceSettings settings() {
        return current;
    }

    public boolean isLoaded() {
        return loaded;
    }

    /** Rebuilds the settings from every compliance record in the store; one that cannot be used is left out. */
    public void refreshFrom(ReadOnlyKeyValueStore<String, Rule> store) {
        final Map<String, String> overrides = new LinkedHashMap<>();
        try (KeyValueIterator<String, Rule> it = store.all()) {
            while (it.hasNext()) {
                final KeyValue<String, Rule> entry = it.next();
                if (entry.value != null && isSetting(entry.value.getId()) && entry.value.getEnabled() && problemOf(entry.value) == null) {
                    overrides.put(entry.value.getId().substring(PREFIX.length()), entry.value.getPattern());
                }
            }
        }
        current = ComplianceSettings.with(overrides);
        loaded = true;
    }

    /** Why a compliance record cannot be used (unknown key, bad value), or null when it can. */
    public String problemOf(Rule rule) {
        try {
            ComplianceSettings.with(Map.of(rule.getId().substring(PREFIX.length()), rule.getPattern()));
            return null;
        } catch (IllegalArgumentException e) {
            return "bad-setting: " + e.getMessage();
        }
    }
}
