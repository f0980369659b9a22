package io.leakwatch.app.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccessTest {

    private static final String NOC = "noc-token-0123456789abcdef";
    private static final String REGULATOR = "regulator-token-0123456789";

    @TempDir
    Path dir;

    @Test
    void shouldReadTokensInClearAndAsDigestsWithTheirRoles() throws Exception {
        final Path file = dir.resolve("tokens");
        Files.writeString(file, """
                # the operations centre
                noc        %s
                REGULATOR  sha256:%s

                """.formatted(NOC, sha256Hex(REGULATOR)), StandardCharsets.UTF_8);

        final Access access = Access.fromFile(file);

        assertThat(access.roleOf(NOC)).hasValue(Role.NOC);
        assertThat(access.roleOf(REGULATOR)).hasValue(Role.REGULATOR);
        assertThat(access.roleOf("sha256:" + sha256Hex(REGULATOR))).as("the digest is not itself a token").isEmpty();
        assertThat(access.check(request(Map.of("Authorization", List.of("bearer " + REGULATOR))), Access.ALERT_FEED))
                .isEqualTo(Access.Decision.ALLOWED);
        assertThat(access.check(request(Map.of("Authorization", List.of("Bearer " + REGULATOR))), Access.NOC_READ))
                .isEqualTo(Access.Decision.WRONG_ROLE);
        assertThat(access.check(request(Map.of()), Access.NOC_READ)).isEqualTo(Access.Decision.NO_TOKEN);
        assertThat(access.check(request(Map.of()), Access.PUBLIC)).isEqualTo(Access.Decision.ALLOWED);
    }

    @Test
    void shouldRefuseABadLineNamingItAndNeverEchoTheToken() throws Exception {
        final Path shortToken = dir.resolve("short");
        Files.writeString(shortToken, "noc tooshort\n", StandardCharsets.UTF_8);
        final Path badRole = dir.resolve("role");
        Files.writeString(badRole, "root " + NOC + "\n", StandardCharsets.UTF_8);
        final Path empty = dir.resolve("empty");
        Files.writeString(empty, "# nobody\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> Access.fromFile(shortToken)).hasMessageContaining("line 1").hasMessageContaining("at least 20")
                .hasMessageNotContaining("tooshort");
        assertThatThrownBy(() -> Access.fromFile(badRole)).hasMessageContaining("unknown role 'root'").hasMessageNotContaining(NOC);
        assertThatThrownBy(() -> Access.fromFile(empty)).hasMessageContaining("holds no token");
        assertThatThrownBy(() -> Access.fromFile(dir.resolve("missing"))).hasMessageContaining("does not exist");
    }

    @Test
    void shouldGenerateLongDistinctTokens() {
        final String one = Access.newToken();
        assertThat(one).hasSizeGreaterThanOrEqualTo(43).matches("[A-Za-z0-9_-]+");
        assertThat(Access.newToken()).isNotEqualTo(one);
    }

    private static Request request(Map<String, List<String>> headers) {
        return new Request("GET", "/", Map.of(), headers, new byte[0]);
    }

    private static String sha256Hex(String token) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    }
}
