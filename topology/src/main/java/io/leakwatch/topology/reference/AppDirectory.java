package io.leakwatch.topology.reference;

import io.leakwatch.schemas.App;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Looks up the app a message comes from, by its signature or its sender port. The index is rebuilt from the
 * global {@code apps} store whenever the store changes; readers on stream threads see a consistent snapshot.
 */
public final class AppDirectory {

    private record Index(Map<String, String> bySignature, Map<String, String> byPort, boolean loaded) {
    }

    private volatile Index index = new Index(Map.of(), Map.of(), false);

    /** Rebuilds the index from the store; called by the global processor on change and once by each reader. */
    public void refreshFrom(ReadOnlyKeyValueStore<String, App> store) {
        final Map<String, String> bySignature = new HashMap<>();
        final Map<String, String> byPort = new HashMap<>();
        try (KeyValueIterator<String, App> it = store.all()) {
            while (it.hasNext()) {
                final KeyValue<String, App> entry = it.next();
                final App app = entry.value;
                if (app == null || !isUsableId(app.getId())) {
                    continue;
                }
                if (app.getSignature() != null && !app.getSignature().isBlank()) {
                    bySignature.put(app.getSignature().strip(), app.getId());
                }
                app.getPorts().forEach(port -> byPort.put(port, app.getId()));
            }
        }
        index = new Index(Map.copyOf(bySignature), Map.copyOf(byPort), true);
    }

    /**
     * An app id names keys of the cohort stores, where U+0000 and U+0001 separate and mark them: an id that is blank
     * or holds a control character is not an app the pipeline can count, and its entry is left out.
     */
    static boolean isUsableId(String id) {
        return id != null && !id.isBlank() && id.codePoints().noneMatch(Character::isISOControl);
    }

    /** Why an app record cannot be used, or null when it can. */
    public static String problemOf(App app) {
        return isUsableId(app.getId()) ? null : "bad-app: unusable id";
    }

    public boolean isLoaded() {
        return index.loaded();
    }

    /** The app id of a message, by its signature first and its sender port second; null when neither is known. */
    public String appOf(String signature, String sender) {
        final Index current = index;
        if (signature != null) {
            final String bySignature = current.bySignature().get(signature);
            if (bySignature != null) {
                return bySignature;
            }
        }
        return sender == null ? null : current.byPort().get(sender);
    }

    public int size() {
        return index.bySignature().size();
    }
}
