package io.mqrunbooks.lab.control;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.mqrunbooks.estate.Host;
import io.mqrunbooks.lab.LabCommandHandler;
import io.mqrunbooks.lab.LabEstate;
import io.mqrunbooks.lab.LabFaults;
import io.mqrunbooks.lab.mq.SimulatedMqEstate;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The standalone lab's control endpoint: HTTP on 127.0.0.1, so that a harness running the lab as a process of
 * its own can switch faults and change the simulated MQ as in-process tests do with {@link LabFaults} and
 * {@link SimulatedMqEstate} (docs/lab-standalone.md, "Control endpoint"). Its address goes to
 * {@code <data>/lab/control-url}; every request needs the bearer token of {@code <data>/lab/control-token}
 * (0600, new at every start), so only the lab's owner can use it.
 */
public final class LabControlServer implements AutoCloseable {

    public static final String URL_FILE = "control-url";
    public static final String TOKEN_FILE = "control-token";
    private static final Logger log = LoggerFactory.getLogger(LabControlServer.class);

    private final HttpServer server;
    private final ExecutorService executor;
    private final byte[] expectedAuthorization;
    private final Map<String, LabControlRoutes.Route> routes;
    private final Path urlFile;
    private final Path tokenFile;
    private final URI url;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LabControlServer(HttpServer server, ExecutorService executor, String token,
                             Map<String, LabControlRoutes.Route> routes, Path labDir) {
        this.server = server;
        this.executor = executor;
        this.expectedAuthorization = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
        this.routes = routes;
        this.urlFile = labDir.resolve(URL_FILE);
        this.tokenFile = labDir.resolve(TOKEN_FILE);
        this.url = URI.create("http://" + LabEstate.LOOPBACK + ":" + server.getAddress().getPort());
    }

    /**
     * Writes a new token, listens on 127.0.0.1 and writes the URL file.
     *
     * @param handler the lab's command handler; the {@code /mq} endpoints and {@code /state} need it to be the
     *                {@link SimulatedMqEstate} and answer 501 otherwise
     * @param port    the port to listen on, 0 for a free one
     * @throws IOException when the port is taken or the lab folder cannot be written
     */
    public static LabControlServer start(LabEstate lab, LabCommandHandler handler, int port) throws IOException {
        Path labDir = lab.labDir();
        Files.deleteIfExists(labDir.resolve(URL_FILE));
        String token = newToken();
        writeOwnerOnly(labDir.resolve(TOKEN_FILE), token + "\n");
        List<String> hosts = lab.effectiveEstate().hosts().stream().map(Host::name).sorted().toList();
        SimulatedMqEstate mq = handler instanceof SimulatedMqEstate simulated ? simulated : null;
        Map<String, LabControlRoutes.Route> routes = new LabControlRoutes(hosts, lab.faults(), mq, lab.journal()).all();
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(LabEstate.LOOPBACK), port), 16);
        } catch (IOException e) {
            throw new IOException("Lab control: cannot listen on " + LabEstate.LOOPBACK + ":" + port
                    + " (" + e.getMessage() + ")", e);
        }
        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
            Thread thread = new Thread(r, "lab-control-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        LabControlServer control = new LabControlServer(server, executor, token, routes, labDir);
        server.createContext("/", control::handle);
        server.setExecutor(executor);
        server.start();
        try {
            Files.writeString(control.urlFile, control.url + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            control.close();
            throw e;
        }
        log.info("Lab control endpoint on {}", control.url);
        return control;
    }

    public URI url() {
        return url;
    }

    public Path urlFile() {
        return urlFile;
    }

    public Path tokenFile() {
        return tokenFile;
    }

    /** Stops listening and removes the URL and token files, so no harness talks to a lab that is gone. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        server.stop(0);
        executor.shutdownNow();
        try {
            Files.deleteIfExists(urlFile);
            Files.deleteIfExists(tokenFile);
        } catch (IOException e) {
            log.warn("Lab control: cannot remove {} or {}", urlFile, tokenFile, e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (InputStream body = exchange.getRequestBody()) {
            body.readAllBytes();
            LabControlRoutes.Answer answer = answer(exchange);
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } finally {
            exchange.close();
        }
    }

    private LabControlRoutes.Answer answer(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null
                || !MessageDigest.isEqual(authorization.getBytes(StandardCharsets.UTF_8), expectedAuthorization)) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
            return LabControlRoutes.Answer.text(401, "lab control needs 'Authorization: Bearer <token>' with the token of "
                    + tokenFile);
        }
        String path = exchange.getRequestURI().getPath();
        LabControlRoutes.Route route = routes.get(path);
        if (route == null) {
            return LabControlRoutes.Answer.text(404, "no lab control endpoint '" + path + "'; the endpoints are "
                    + routes.keySet().stream().sorted().toList());
        }
        if (!route.method().equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().set("Allow", route.method());
            return LabControlRoutes.Answer.text(405, path + " takes " + route.method() + ", not "
                    + exchange.getRequestMethod());
        }
        try {
            return route.action().apply(LabControlRoutes.Parameters.parse(exchange.getRequestURI().getRawQuery()));
        } catch (LabControlRoutes.ControlException e) {
            return LabControlRoutes.Answer.text(e.status(), e.getMessage());
        } catch (IllegalArgumentException e) {
            return LabControlRoutes.Answer.text(400, e.getMessage());
        } catch (IllegalStateException e) {
            return LabControlRoutes.Answer.text(409, e.getMessage());
        } catch (RuntimeException e) {
            log.warn("Lab control: {} {} failed", exchange.getRequestMethod(), path, e);
            return LabControlRoutes.Answer.text(500, path + " failed: " + e);
        }
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Created 0600 before anything is written, then moved into place, so no reader sees it half-written. */
    private static void writeOwnerOnly(Path file, String text) throws IOException {
        Path fresh = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(fresh);
        Files.createFile(fresh, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(fresh, text, StandardCharsets.UTF_8);
        Files.move(fresh, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
