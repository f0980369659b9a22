package io.leakwatch.topology.ingest;

import io.leakwatch.classifier.analysis.SenderType;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Replaces a phone number by a keyed HMAC-SHA256 token, so that the same subscriber gets the same token under
 * one key and nobody without the key can go back. A mobile sender gets the token its number has as a recipient,
 * behind {@link SenderType#MOBILE_TOKEN_PREFIX}; ports, service numbers, short codes and names stay readable.
 * Not thread-safe: one per processor instance.
 */
public final class Pseudonymizer {

    /** 128 bits of the MAC, hex: collisions are negligible for a national subscriber base. */
    private static final int TOKEN_BYTES = 16;
    private final Mac mac;

    public Pseudonymizer(byte[] key) {
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    /** The token of a number already normalised by {@link #normalize}. */
    public String pseudonymize(String normalizedMsisdn) {
        final byte[] digest = mac.doFinal(normalizedMsisdn.getBytes(StandardCharsets.US_ASCII));
        return HexFormat.of().formatHex(digest, 0, TOKEN_BYTES);
    }

    /**
     * The sender as it travels past ingest: a mobile number ({@link SenderType#MOBILE}) becomes
     * {@code m:<token>}, anything else is returned stripped of surrounding blanks.
     */
    public String pseudonymizeSender(String sender) {
        final String stripped = sender.strip();
        final String digits = SenderType.digitsOf(stripped);
        if (SenderType.of(stripped, digits) != SenderType.MOBILE || digits == null) {
            return stripped;
        }
        return SenderType.MOBILE_TOKEN_PREFIX + pseudonymize(digits);
    }

    /**
     * Digits only, with a Chinese country prefix (+86, 0086, 86 before 11 digits) removed, so that one subscriber
     * written two ways gets one token. Returns null when what is left is not a plausible number (5..15 digits).
     */
    public static String normalize(String raw) {
        if (raw == null) {
            return null;
        }
        final StringBuilder digits = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            final char c = raw.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c >= '０' && c <= '９') {
                digits.append((char) ('0' + (c - '０')));
            } else if (c != '+' && c != '-' && c != ' ' && c != '(' && c != ')') {
                return null;
            }
        }
        String number = digits.toString();
        if (number.length() == 15 && number.startsWith("0086")) {
            number = number.substring(4);
        } else if (number.length() == 13 && number.startsWith("86")) {
            number = number.substring(2);
        }
        return number.length() >= 5 && number.length() <= 15 ? number : null;
    }
}
