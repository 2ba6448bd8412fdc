package io.mqrunbooks.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP/1.1 requests sent as written (the path not re-encoded) over a socket bound to a chosen loopback address, as a
 * client at that address would send them: the server's {@code getRemoteAddr()} is that address.
 */
public final class LoopbackHttp {

    private LoopbackHttp() {
    }

    /** One request to the app on {@code port} from the socket address {@code from} (127.0.0.x). */
    public static Answer send(int port, String from, String method, String path, Map<String, String> headers,
                              String body) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(30_000);
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost:" + port
                    + "\r\nConnection: close\r\nContent-Length: " + content.length + "\r\n");
            headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
            OutputStream out = socket.getOutputStream();
            out.write(request.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
            out.write(content);
            out.flush();
            return Answer.read(socket.getInputStream());
        }
    }

    /** The status, headers (names in lower case) and the whole answer as text. */
    public record Answer(int status, Map<String, List<String>> headers, String text) {

        static Answer read(InputStream in) throws IOException {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            String[] lines = text.split("\r\n");
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length && !lines[i].isEmpty(); i++) {
                String[] header = lines[i].split(":", 2);
                headers.computeIfAbsent(header[0].trim().toLowerCase(), h -> new ArrayList<>()).add(header[1].trim());
            }
            return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers, text);
        }

        public Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase())).map(values -> values.get(0));
        }
    }
}
