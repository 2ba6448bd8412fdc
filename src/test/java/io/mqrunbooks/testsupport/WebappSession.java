package io.mqrunbooks.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A browser's session with the Camunda webapps: login through the webapp's own API, with its CSRF token. */
public record WebappSession(String root, HttpClient client, CookieManager cookies) {

    public static WebappSession login(String root, String user) throws Exception {
        return login(root, user, user);
    }

    public static WebappSession login(String root, String user, String password) throws Exception {
        WebappSession session = anonymous(root);
        HttpClient client = session.client();
        HttpResponse<String> login = client.send(session.request("/camunda/api/admin/auth/user/default/login/tasklist")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password))
                        .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as("login: " + login.body()).isEqualTo(200);
        return session;
    }

    /** A browser that opened Tasklist's page (so it holds a CSRF token) and logged in as no one. */
    public static WebappSession anonymous(String root) throws Exception {
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        WebappSession session = new WebappSession(root, HttpClient.newBuilder().cookieHandler(cookies).build(), cookies);
        session.get("/camunda/app/tasklist/default/");
        return session;
    }

    public HttpResponse<String> get(String path) throws Exception {
        return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String path, String json) throws Exception {
        return client.send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A request as the webapp's own scripts send it: with the session's CSRF token. */
    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(root + path));
        cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .findFirst().ifPresent(c -> builder.header("X-XSRF-TOKEN", c.getValue()));
        return builder;
    }
}
