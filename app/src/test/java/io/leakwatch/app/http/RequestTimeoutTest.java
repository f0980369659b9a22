package io.leakwatch.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A client that opens a connection and never finishes its request (slowloris) is cut off after the request timeout,
 * instead of holding the connection for good; a complete request on the same server is answered.
 */
class RequestTimeoutTest {

    private Process server;
    private int port;

    @BeforeEach
    void startServerInItsOwnJvm() throws Exception {
        final Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        server = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"), RequestTimeoutServer.class.getName())
                .redirectErrorStream(true).start();
        final BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.startsWith("port ")) {
            // log lines before the port
        }
        assertThat(line).as("the server's port").isNotNull();
        port = Integer.parseInt(line.substring("port ".length()).strip());
        final Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "server-output");
        drain.setDaemon(true);
        drain.start();
    }

    @AfterEach
    void stopServer() throws Exception {
        server.destroy();
        server.waitFor(10, TimeUnit.SECONDS);
    }

    @Test
    void shouldCutOffARequestThatIsNeverFinished() throws Exception {
        try (Socket complete = new Socket("127.0.0.1", port)) {
            send(complete, "GET /health/live HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertThat(readAll(complete.getInputStream())).startsWith("HTTP/1.1 200");
        }
        try (Socket slow = new Socket("127.0.0.1", port)) {
            slow.setSoTimeout(15_000);
            send(slow, "GET /health/live HTTP/1.1\r\nHost: localhost\r\n");   // no blank line: the headers never end
            final long start = System.nanoTime();
            final String answer = readAll(slow.getInputStream());   // EOF (or a 408) once the server gives up
            final long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);

            assertThat(answer).satisfiesAnyOf(a -> assertThat(a).isEmpty(), a -> assertThat(a).startsWith("HTTP/1.1 408"));
            assertThat(seconds).as("cut off after about the 1 s timeout, not held").isLessThan(10);
        }
    }

    private static void send(Socket socket, String text) throws Exception {
        final OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static String readAll(InputStream in) throws Exception {
        return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    }
}
