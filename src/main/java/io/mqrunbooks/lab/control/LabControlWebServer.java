package io.mqrunbooks.lab.control;

import io.mqrunbooks.lab.LabCommandHandler;
import io.mqrunbooks.lab.LabEstate;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The standalone lab's control endpoint ({@code java -jar ... lab}, docs/lab-standalone.md): the app's
 * {@link LabControlController} in a small Spring web context of its own (no engine, no database), on
 * 127.0.0.1, behind the bearer token of {@code <data>/lab/control-token} (0600, new at every start). Its base
 * URL, {@code http://127.0.0.1:PORT/lab/control}, goes to {@code <data>/lab/control-url}.
 */
public final class LabControlWebServer implements AutoCloseable {

    public static final String URL_FILE = "control-url";
    public static final String TOKEN_FILE = "control-token";

    private final ConfigurableApplicationContext context;
    private final Path urlFile;
    private final Path tokenFile;
    private final URI url;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LabControlWebServer(ConfigurableApplicationContext context, Path labDir, URI url) {
        this.context = context;
        this.urlFile = labDir.resolve(URL_FILE);
        this.tokenFile = labDir.resolve(TOKEN_FILE);
        this.url = url;
    }

    /** What the small context holds: the web server, Spring MVC with Jackson, and the lab's controller. */
    @ImportAutoConfiguration({ServletWebServerFactoryAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
            WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class})
    @Import(LabControlController.class)
    static class StandaloneWeb {
    }

    /**
     * Writes a new token, listens on 127.0.0.1 and writes the URL file.
     *
     * @param handler the lab's command handler; the {@code /mq} endpoints and {@code /state} need it to be the
     *                simulated MQ and answer 501 otherwise
     * @param port    the port to listen on, 0 for a free one
     * @throws IOException when the port is taken or the lab folder cannot be written
     */
    public static LabControlWebServer start(LabEstate lab, LabCommandHandler handler, int port) throws IOException {
        Path labDir = lab.labDir();
        Files.deleteIfExists(labDir.resolve(URL_FILE));
        String token = newToken();
        Path tokenFile = labDir.resolve(TOKEN_FILE);
        writeOwnerOnly(tokenFile, token + "\n");
        LabControl control = LabControl.of(lab, handler);
        LabControlTokenFilter filter = new LabControlTokenFilter(token, tokenFile);

        SpringApplication app = new SpringApplication(StandaloneWeb.class);
        app.setWebApplicationType(WebApplicationType.SERVLET);
        app.setBannerMode(Banner.Mode.OFF);
        app.setLogStartupInfo(false);
        app.setRegisterShutdownHook(false);
        app.setAdditionalProfiles("lab");
        // the lab keeps the logging its process has (a test JVM's, or the lab command's quiet one)
        app.setListeners(app.getListeners().stream().filter(l -> !(l instanceof LoggingApplicationListener)).toList());
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.config.name", "lab-control-standalone");
        properties.put("server.address", LabEstate.LOOPBACK);
        properties.put("server.port", port);
        properties.put("spring.mvc.log-resolved-exception", false);
        app.setDefaultProperties(properties);
        app.addInitializers(context -> {
            GenericApplicationContext generic = (GenericApplicationContext) context;
            generic.registerBean(LabControl.class, () -> control);
            generic.registerBean("labControlTokenFilter", FilterRegistrationBean.class, () -> {
                FilterRegistrationBean<LabControlTokenFilter> registration = new FilterRegistrationBean<>(filter);
                registration.addUrlPatterns("/*");
                return registration;
            });
        });
        ConfigurableApplicationContext context;
        try {
            context = app.run();
        } catch (RuntimeException e) {
            Files.deleteIfExists(tokenFile);
            throw new IOException("Lab control: cannot listen on " + LabEstate.LOOPBACK + ":" + port + " ("
                    + rootMessage(e) + ")", e);
        }
        int actualPort = ((WebServerApplicationContext) context).getWebServer().getPort();
        LabControlWebServer server = new LabControlWebServer(context, labDir,
                URI.create("http://" + LabEstate.LOOPBACK + ":" + actualPort + "/lab/control"));
        try {
            Files.writeString(server.urlFile, server.url + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** The controls' base URL: {@code http://127.0.0.1:PORT/lab/control}. */
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
        context.close();
        try {
            Files.deleteIfExists(urlFile);
            Files.deleteIfExists(tokenFile);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Lab control: cannot remove " + urlFile + " or " + tokenFile, e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
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
