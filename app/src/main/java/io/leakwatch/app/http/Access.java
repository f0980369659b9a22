package io.leakwatch.app.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Bearer-token access to the HTTP API. A token is presented as {@code Authorization: Bearer T} or, where a browser
 * cannot set a header ({@code EventSource}, the console's address), as the query parameter {@code token=T}.
 *
 * <p>Only SHA-256 digests of the tokens are held, and a presented token is hashed and compared with every known
 * digest by {@link MessageDigest#isEqual} (constant time, no early exit on the first match), so neither the memory
 * of the process nor the time of an answer tells anything about a token.
 *
 * <p>Tokens file ({@code leakwatch.http.tokens.file}), one token a line, {@code #} starts a comment:
 * <pre>
 * noc        sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
 * regulator  sha256:...
 * admin      s3cr3t-token-in-clear
 * </pre>
 * {@code sha256:} followed by 64 hex digits is a digest ({@code printf %s "$TOKEN" | sha256sum}); anything else is the
 * token itself, which must be at least {@value #MIN_TOKEN_LENGTH} characters.
 */
public final class Access {

    /** Shorter tokens are refused when read: a bearer token must not be guessable. */
    public static final int MIN_TOKEN_LENGTH = 20;
    static final String BEARER = "Bearer ";
    static final String TOKEN_PARAM = "token";
    private static final String DIGEST_PREFIX = "sha256:";

    /** A route open to every caller ({@code /health}, {@code /metrics}). */
    public static final Set<Role> PUBLIC = Set.of();
    /** The operations centre's views: console, cohorts, senders. */
    public static final Set<Role> NOC_READ = EnumSet.of(Role.NOC, Role.ADMIN);
    /** The alert feed: the regulator's and the operations centre's. */
    public static final Set<Role> ALERT_FEED = EnumSet.of(Role.REGULATOR, Role.NOC, Role.ADMIN);
    /** Changes: rules, subscriber deletion. */
    public static final Set<Role> ADMIN_ONLY = EnumSet.of(Role.ADMIN);

    private record Grant(byte[] digest, Role role) {
    }

    /** The outcome of one check. */
    public enum Decision {
        ALLOWED, NO_TOKEN, UNKNOWN_TOKEN, WRONG_ROLE
    }

    private final List<Grant> grants;

    private Access(List<Grant> grants) {
        this.grants = List.copyOf(grants);
    }

    /** Access with exactly these tokens in clear (the demo's generated token, tests). */
    public static Access ofTokens(Map<String, Role> tokens) {
        final List<Grant> grants = new ArrayList<>();
        tokens.forEach((token, role) -> grants.add(new Grant(sha256(checkedToken(token, "token")), role)));
        return new Access(grants);
    }

    /** Reads a tokens file (format in the class comment); a bad line is an error naming the file and line. */
    public static Access fromFile(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("tokens file " + file + " does not exist");
        }
        final List<Grant> grants = new ArrayList<>();
        final List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            final String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            final String where = file + " line " + (i + 1);
            final String[] parts = line.split("\\s+", 2);
            if (parts.length != 2) {
                throw new IllegalArgumentException(where + ": expected '<role> <token or sha256:digest>'");
            }
            grants.add(new Grant(digestOf(parts[1].strip(), where), Role.parse(parts[0])));
        }
        if (grants.isEmpty()) {
            throw new IllegalArgumentException("tokens file " + file + " holds no token: every API call would be refused");
        }
        return new Access(grants);
    }

    /** A fresh random token (32 bytes, URL-safe Base64 without padding). */
    public static String newToken() {
        final byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether the request carries a known token whose role {@code admitted} holds; {@link #PUBLIC} admits all. */
    public Decision check(Request request, Set<Role> admitted) {
        if (admitted.isEmpty()) {
            return Decision.ALLOWED;
        }
        final Optional<String> token = presentedToken(request);
        if (token.isEmpty()) {
            return Decision.NO_TOKEN;
        }
        final Optional<Role> role = roleOf(token.get());
        if (role.isEmpty()) {
            return Decision.UNKNOWN_TOKEN;
        }
        return admitted.contains(role.get()) || role.get() == Role.ADMIN ? Decision.ALLOWED : Decision.WRONG_ROLE;
    }

    /** The role of a token, comparing its digest with every known one so the time does not depend on which matches. */
    Optional<Role> roleOf(String token) {
        final byte[] digest = sha256(token);
        Role found = null;
        for (Grant grant : grants) {
            if (MessageDigest.isEqual(grant.digest(), digest) && found == null) {
                found = grant.role();
            }
        }
        return Optional.ofNullable(found);
    }

    static Optional<String> presentedToken(Request request) {
        for (Map.Entry<String, List<String>> header : request.headers().entrySet()) {
            if ("authorization".equals(header.getKey().toLowerCase(Locale.ROOT)) && !header.getValue().isEmpty()) {
                final String value = header.getValue().get(0);
                if (value.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                    final String token = value.substring(BEARER.length()).strip();
                    return token.isEmpty() ? Optional.empty() : Optional.of(token);
                }
            }
        }
        return request.queryParam(TOKEN_PARAM).filter(t -> !t.isEmpty());
    }

    private static byte[] digestOf(String value, String where) {
        if (value.startsWith(DIGEST_PREFIX)) {
            final String hex = value.substring(DIGEST_PREFIX.length());
            if (hex.length() != 64) {
                throw new IllegalArgumentException(where + ": a sha256: digest is 64 hex digits");
            }
            try {
                return HexFormat.of().parseHex(hex);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": a sha256: digest is 64 hex digits", e);
            }
        }
        return sha256(checkedToken(value, where));
    }

    private static String checkedToken(String token, String where) {
        if (token.length() < MIN_TOKEN_LENGTH || token.chars().anyMatch(c -> c <= ' ')) {
            throw new IllegalArgumentException(where + ": a token must be at least " + MIN_TOKEN_LENGTH
                    + " characters without spaces (e.g. openssl rand -base64 32)");
        }
        return token;
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
