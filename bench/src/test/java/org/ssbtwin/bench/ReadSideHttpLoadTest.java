package org.ssbtwin.bench;

import static org.junit.jupiter.api.Assertions.*;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bench client's HTTP/1.1 connection against a loopback server that writes canned answers a few bytes at a time:
 * status and the complete body of keep-alive answers by Content-Length and by chunks (heads and bodies split across
 * reads), a body larger than the client's buffer, and the request line it sends. The PostgreSQL port read from a URL.
 */
class ReadSideHttpLoadTest {
    @Test
    void readsWholeAnswersByLengthAndByChunksOnOneConnection() throws Exception {
        String big = "x".repeat(200_000) + "é";
        byte[] bigBytes = big.getBytes(StandardCharsets.UTF_8);
        List<byte[]> answers = List.of(
                ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 11\r\n\r\n{\"count\":1}").getBytes(StandardCharsets.US_ASCII),
                ("HTTP/1.1 404 Not Found\r\ntransfer-encoding: chunked\r\n\r\n4\r\n{\"a\"\r\n3\r\n:1}\r\n0\r\n\r\n").getBytes(StandardCharsets.US_ASCII),
                concat(("HTTP/1.1 200 OK\r\nContent-Length: " + bigBytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII), bigBytes));
        List<String> requestLines = new ArrayList<>();
        try (ServerSocket server = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                try (Socket s = server.accept()) {
                    InputStream in = s.getInputStream();
                    OutputStream out = s.getOutputStream();
                    s.setTcpNoDelay(true);
                    for (byte[] answer : answers) {
                        requestLines.add(readHead(in));
                        for (int i = 0; i < answer.length; i += 7) { // a few bytes at a time: the client must reassemble
                            out.write(answer, i, Math.min(7, answer.length - i));
                            out.flush();
                        }
                    }
                } catch (Exception e) {
                    requestLines.add("server failed: " + e);
                }
            });
            t.start();
            try (ReadSideHttpLoad.Connection c = new ReadSideHttpLoad.Connection(server.getLocalPort())) {
                c.get("/api/v1/search?q=kind%3Dpack&limit=1");
                assertEquals(200, c.status);
                assertEquals("{\"count\":1}", c.body);
                c.get("/b");
                assertEquals(404, c.status);
                assertEquals("{\"a\":1}", c.body);
                c.get("/c");
                assertEquals(200, c.status);
                assertEquals(big, c.body);
            }
            t.join(10_000);
        }
        assertEquals(List.of("GET /api/v1/search?q=kind%3Dpack&limit=1 HTTP/1.1", "GET /b HTTP/1.1", "GET /c HTTP/1.1"), requestLines);
    }

    @Test
    void thePostgresPortOfAJdbcUrl() {
        assertEquals(55477, ReadSideBench.postgresPort("jdbc:postgresql://127.0.0.1:55477/reads"));
        assertEquals(5432, ReadSideBench.postgresPort("jdbc:postgresql://db.example/twin?user=x"));
        assertEquals(0, ReadSideBench.postgresPort("jdbc:h2:mem:x"));
    }

    /** The request line; the rest of the head up to the blank line is read and dropped. */
    private static String readHead(InputStream in) throws java.io.IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int ch = in.read();
            if (ch < 0) throw new java.io.EOFException();
            head.append((char) ch);
        }
        return head.substring(0, head.indexOf("\r\n"));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
