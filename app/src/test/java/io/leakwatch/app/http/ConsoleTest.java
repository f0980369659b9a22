package io.leakwatch.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The console page as served; what it shows in a browser is ConsoleBrowserTest's. */
class ConsoleTest {

    @Test
    void shouldServeOneSelfContainedPageThatReadsTheAlertFeed() throws Exception {
        final Response response = Console.handler().handle(null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo("text/html; charset=utf-8");
        final String page = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(page).contains("<title>LeakWatch console</title>",
                "new EventSource(\"/alerts/stream?token=\" + encodeURIComponent(TOKEN))",
                "api(\"/alerts\")", "api(\"/cohorts\")", "api(\"/senders/top?limit=20\")",
                "\"Authorization\": \"Bearer \" + TOKEN");
        assertThat(page).as("every call goes through api(), which sends the token").containsOnlyOnce("fetch(");
        assertThat(page).as("nothing loaded from elsewhere").doesNotContain("http://", "https://", "src=");
    }
}
