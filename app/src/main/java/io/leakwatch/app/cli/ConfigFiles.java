package io.leakwatch.app.cli;

import io.leakwatch.topology.LeakWatchConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Loads {@code leakwatch.*} settings from a properties file, falling back to the demo key where allowed. */
final class ConfigFiles {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigFiles.class);

    private ConfigFiles() {
    }

    static Properties read(Path file) throws IOException {
        final Properties props = new Properties();
        if (file != null) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("--config: no such file: " + file);
            }
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                props.load(reader);
            }
        }
        return props;
    }

    /**
     * @param demoKeyAllowed whether a missing HMAC key may fall back to the public demo key (replays and demos of
     *                       synthetic data); production runs must set {@code leakwatch.hmac.key}
     */
    static LeakWatchConfig load(Path file, boolean demoKeyAllowed) throws IOException {
        return load(read(file), demoKeyAllowed);
    }

    static LeakWatchConfig load(Properties props, boolean demoKeyAllowed) {
        if (!props.containsKey("leakwatch.hmac.key")) {
            if (!demoKeyAllowed) {
                throw new IllegalArgumentException("config key leakwatch.hmac.key is required (hex, at least 32 bytes: openssl rand -hex 32)");
            }
            LOG.warn("leakwatch.hmac.key not set: using the public demo key; pseudonyms are NOT secret");
            props.setProperty("leakwatch.hmac.key", LeakWatchConfig.DEMO_HMAC_KEY_HEX);
        }
        return LeakWatchConfig.from(props);
    }
}
