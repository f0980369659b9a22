package io.leakwatch.app.http;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * An API with a one-second request timeout in a JVM of its own (the JDK server reads the limit once per process),
 * for {@link RequestTimeoutTest}: prints its port, then serves until killed.
 */
public final class RequestTimeoutServer {

    private RequestTimeoutServer() {
    }

    public static void main(String[] args) throws InterruptedException {
        final HttpApi api = HttpApi.start(HttpSettings.of("127.0.0.1", 0, Access.ofTokens(Map.of(Access.newToken(), Role.ADMIN)))
                .withRequestTimeout(Duration.ofSeconds(1)));
        System.out.println("port " + api.port());
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
