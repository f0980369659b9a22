package io.leakwatch.topology;

import io.leakwatch.topology.state.StateStores;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Everything the topology needs to know, validated once at start. Keys are read from {@code leakwatch.*}
 * properties; an unknown or malformed key fails fast with a message that names it.
 *
 * @param hmacKey          secret key of the recipient pseudonym (HMAC-SHA256), given as hex: at least 32 bytes, or the
 *                         public demo key (demos and replays of synthetic data; {@code run} refuses it)
 * @param bucket           length of one time bucket of cohort statistics
 * @param grace            how long a bucket stays open for late records after its end
 * @param recentHorizon    a member counts as "recent" this long after registering (the T+0 stratum)
 * @param memberTtl        registrations older than this are forgotten
 * @param windowsBuckets   evaluation windows, in buckets, over which exposure rates are compared
 * @param alpha            family-wise false-alarm level of one evaluation (Bonferroni over apps, strata, windows)
 * @param minRateRatio     an alert needs the lower confidence bound of the rate ratio at least this high
 * @param minExposed       an alert needs at least this many exposed member-buckets in the cohort
 * @param buyerQ           Benjamini–Hochberg level at which a sender is called a buyer
 * @param strongBuyerQ     a buyer this significant opens an alert with a weaker rate signal
 * @param soleBuyerQ       a buyer this significant among recent registrants opens an alert on its own, with their rate
 *                         merely above the others'
 * @param minBuyerHits     a buyer must reach at least this many cohort members
 * @param resolveAfter     buckets without a signal before an incident is RESOLVED
 * @param updateGrowth     an open incident is UPDATED when exposure grows by this factor or a new buyer shows
 * @param topSenders       senders kept per app and bucket in cohort statistics
 * @param senderWindow     tumbling window of per-sender statistics
 * @param senderLateness   how long after its end a sender window still takes records: it is emitted at its end plus
 *                         the grace, and emitted again, corrected, when records up to this late change it; later
 *                         records are counted as dropped
 * @param newSenderHorizon a sender first seen this recently counts as new: new senders' spam is also tested pooled
 * @param bulkScreen       a sender's messages that are not spam by their text reach the detector once it has sent to
 *                         this many distinct recipients of one task within a day
 * @param bulkRecipients   a sender that reached this many distinct recipients within a day sends in bulk: its
 *                         messages to members count as exposure whatever their text
 * @param stateStores      where state is kept: RocksDB or the heap, with changelogs or (replays) without
 * @param maxEventAhead    an event whose time is further than this ahead of its record's timestamp (the broker's or the
 *                         producer's clock) is dead-lettered as {@code bad-timestamp}: a clock years ahead would move
 *                         stream time there and close every window up to it
 * @param maxEventBehind   an event whose time is further than this behind its record's timestamp is dead-lettered as
 *                         {@code bad-timestamp}; a replay stamps each record with its event time, so replays never hit
 *                         either bound
 */
public record LeakWatchConfig(
        byte[] hmacKey,
        Duration bucket,
        Duration grace,
        Duration recentHorizon,
        Duration memberTtl,
        List<Integer> windowsBuckets,
        double alpha,
        double minRateRatio,
        long minExposed,
        double buyerQ,
        double strongBuyerQ,
        double soleBuyerQ,
        long minBuyerHits,
        int resolveAfter,
        double updateGrowth,
        int topSenders,
        Duration senderWindow,
        Duration senderLateness,
        Duration newSenderHorizon,
        long bulkScreen,
        long bulkRecipients,
        StateStores stateStores,
        Duration maxEventAhead,
        Duration maxEventBehind) {

    public static final String PREFIX = "leakwatch.";
    /** A key anyone can read in the source; fine for demos and replays of synthetic data, never for production. */
    public static final String DEMO_HMAC_KEY_HEX = "6c65616b77617463682d64656d6f2d6b65792d6e6f742d736563726574";
    /** The shortest secret key: 256 bits, the HMAC-SHA256 block's worth of entropy an attacker cannot enumerate. */
    public static final int MIN_HMAC_KEY_BYTES = 32;

    public LeakWatchConfig {
        hmacKey = hmacKey.clone();
        windowsBuckets = List.copyOf(windowsBuckets);
        require(hmacKey.length >= MIN_HMAC_KEY_BYTES || Arrays.equals(hmacKey, HexFormat.of().parseHex(DEMO_HMAC_KEY_HEX)),
                "leakwatch.hmac.key", "must be at least " + MIN_HMAC_KEY_BYTES + " bytes (" + 2 * MIN_HMAC_KEY_BYTES
                        + " hex digits: openssl rand -hex 32)");
        require(!bucket.isNegative() && !bucket.isZero(), "leakwatch.bucket", "must be positive");
        require(!grace.isNegative() && grace.compareTo(bucket) < 0, "leakwatch.grace", "must be >= 0 and shorter than the bucket");
        require(recentHorizon.compareTo(bucket) >= 0, "leakwatch.recent.horizon", "must be at least one bucket");
        require(memberTtl.compareTo(recentHorizon) >= 0, "leakwatch.member.ttl", "must be at least the recent horizon");
        require(!windowsBuckets.isEmpty() && windowsBuckets.stream().allMatch(w -> w >= 1 && w <= 24 * 14),
                "leakwatch.windows", "must list 1..336 buckets, e.g. 3,6,24");
        require(alpha > 0 && alpha < 1, "leakwatch.alpha", "must be within (0,1)");
        require(minRateRatio >= 1, "leakwatch.min.rate.ratio", "must be >= 1");
        require(minExposed >= 1, "leakwatch.min.exposed", "must be >= 1");
        require(buyerQ > 0 && buyerQ < 1, "leakwatch.buyer.q", "must be within (0,1)");
        require(strongBuyerQ > 0 && strongBuyerQ <= buyerQ, "leakwatch.strong.buyer.q", "must be within (0, buyer.q]");
        require(soleBuyerQ > 0 && soleBuyerQ <= strongBuyerQ, "leakwatch.sole.buyer.q", "must be within (0, strong.buyer.q]");
        require(minBuyerHits >= 1, "leakwatch.min.buyer.hits", "must be >= 1");
        require(resolveAfter >= 1, "leakwatch.resolve.after", "must be >= 1");
        require(updateGrowth > 1, "leakwatch.update.growth", "must be > 1");
        require(topSenders >= 1, "leakwatch.top.senders", "must be >= 1");
        require(!senderWindow.isNegative() && !senderWindow.isZero(), "leakwatch.sender.window", "must be positive");
        require(senderLateness.compareTo(grace) >= 0, "leakwatch.sender.lateness",
                "must be at least leakwatch.grace (" + grace + "): a window is emitted at its end plus the grace");
        require(!newSenderHorizon.isNegative(), "leakwatch.new.sender.horizon", "must be >= 0");
        require(bulkScreen >= 1, "leakwatch.bulk.screen", "must be >= 1");
        require(bulkRecipients >= bulkScreen, "leakwatch.bulk.recipients", "must be at least leakwatch.bulk.screen (" + bulkScreen + ")");
        require(!maxEventAhead.isNegative(), "leakwatch.event.time.max.ahead", "must be >= 0");
        require(!maxEventBehind.isNegative(), "leakwatch.event.time.max.behind", "must be >= 0");
    }

    @Override
    public byte[] hmacKey() {
        return hmacKey.clone();
    }

    /** Whether the key is the public demo key, which pseudonymizes nothing secretly. */
    public boolean usesDemoKey() {
        return Arrays.equals(hmacKey, HexFormat.of().parseHex(DEMO_HMAC_KEY_HEX));
    }

    public long bucketMs() {
        return bucket.toMillis();
    }

    public int maxWindowBuckets() {
        return windowsBuckets.stream().mapToInt(Integer::intValue).max().orElseThrow();
    }

    public int recentBuckets() {
        return (int) Math.max(1, recentHorizon.toMillis() / bucket.toMillis());
    }

    /** The defaults, with the given HMAC key. */
    public static LeakWatchConfig defaults(byte[] hmacKey) {
        return from(Map.of("leakwatch.hmac.key", HexFormat.of().formatHex(hmacKey)));
    }

    public static LeakWatchConfig demo() {
        return defaults(HexFormat.of().parseHex(DEMO_HMAC_KEY_HEX));
    }

    /** The demo key with one setting other than the default, read and checked as {@link #from(Map)} does. */
    public static LeakWatchConfig demoWith(String key, String value) {
        return from(Map.of("leakwatch.hmac.key", DEMO_HMAC_KEY_HEX, key, value));
    }

    public static LeakWatchConfig from(Properties properties) {
        final Map<String, String> map = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(k -> map.put(k, properties.getProperty(k)));
        return from(map);
    }

    /**
     * Reads the {@code leakwatch.*} keys of {@code settings}; other keys are ignored (they belong to Kafka).
     * Every key has a default but {@code leakwatch.hmac.key}.
     */
    public static LeakWatchConfig from(Map<String, String> settings) {
        final Reader r = new Reader(settings);
        final LeakWatchConfig config = new LeakWatchConfig(
                r.get("leakwatch.hmac.key", null, LeakWatchConfig::parseKey),
                r.get("leakwatch.bucket", "PT1H", Duration::parse),
                r.get("leakwatch.grace", "PT5M", Duration::parse),
                r.get("leakwatch.recent.horizon", "PT24H", Duration::parse),
                r.get("leakwatch.member.ttl", "P90D", Duration::parse),
                r.get("leakwatch.windows", "3,6,24", LeakWatchConfig::parseInts),
                r.get("leakwatch.alpha", "0.001", Double::parseDouble),
                r.get("leakwatch.min.rate.ratio", "1.5", Double::parseDouble),
                r.get("leakwatch.min.exposed", "8", Long::parseLong),
                r.get("leakwatch.buyer.q", "0.001", Double::parseDouble),
                r.get("leakwatch.strong.buyer.q", "0.0001", Double::parseDouble),
                r.get("leakwatch.sole.buyer.q", "0.000001", Double::parseDouble),
                r.get("leakwatch.min.buyer.hits", "4", Long::parseLong),
                r.get("leakwatch.resolve.after", "24", Integer::parseInt),
                r.get("leakwatch.update.growth", "2.0", Double::parseDouble),
                r.get("leakwatch.top.senders", "50", Integer::parseInt),
                r.get("leakwatch.sender.window", "PT1H", Duration::parse),
                r.get("leakwatch.sender.lateness", "PT6H", Duration::parse),
                r.get("leakwatch.new.sender.horizon", "PT24H", Duration::parse),
                r.get("leakwatch.bulk.screen", "2", Long::parseLong),
                r.get("leakwatch.bulk.recipients", "5", Long::parseLong),
                r.get("leakwatch.state.stores", "rocksdb", StateStores::ofConfig),
                r.get("leakwatch.event.time.max.ahead", "PT1H", Duration::parse),
                r.get("leakwatch.event.time.max.behind", "P7D", Duration::parse));
        r.rejectUnknown();
        return config;
    }

    /**
     * Hex only: a key that is not hex is an error, never taken as a passphrase, so that a typo in a hex key cannot
     * silently become another key (and other pseudonyms).
     */
    private static byte[] parseKey(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("is required: the secret key of recipient pseudonyms, as hex");
        }
        final String trimmed = value.strip();
        try {
            return HexFormat.of().parseHex(trimmed);
        } catch (IllegalArgumentException notHex) {
            throw new IllegalArgumentException("is not hex (an even number of digits 0-9, a-f): " + trimmed.length()
                    + " characters, e.g. from openssl rand -hex 32", notHex);
        }
    }

    /** The same settings with state kept in stores of the given kind. */
    public LeakWatchConfig withStateStores(StateStores stores) {
        return new LeakWatchConfig(hmacKey, bucket, grace, recentHorizon, memberTtl, windowsBuckets, alpha, minRateRatio, minExposed,
                buyerQ, strongBuyerQ, soleBuyerQ, minBuyerHits, resolveAfter, updateGrowth, topSenders, senderWindow, senderLateness, newSenderHorizon,
                bulkScreen, bulkRecipients,
                stores, maxEventAhead, maxEventBehind);
    }

    private static List<Integer> parseInts(String value) {
        return java.util.Arrays.stream(value.split(",")).map(String::strip).map(Integer::parseInt).toList();
    }

    private static void require(boolean ok, String key, String why) {
        if (!ok) {
            throw new IllegalArgumentException("config key " + key + " " + why);
        }
    }

    /** Reads keys, remembers which it read, and names the key in every error. */
    private static final class Reader {
        private final Map<String, String> settings;
        private final Set<String> known = new TreeSet<>();

        Reader(Map<String, String> settings) {
            this.settings = settings;
        }

        <T> T get(String key, String fallback, Function<String, T> parse) {
            known.add(key);
            final String raw = settings.getOrDefault(key, fallback);
            try {
                return parse.apply(raw);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("config key " + key + " has a bad value '" + (key.contains("key") ? "***" : raw)
                        + "': " + e.getMessage(), e);
            }
        }

        void rejectUnknown() {
            for (String key : settings.keySet()) {
                if (key.startsWith(PREFIX) && !known.contains(key)) {
                    throw new IllegalArgumentException("unknown config key " + key + "; known keys: " + String.join(", ", known));
                }
            }
        }
    }
}
