package io.mqrunbooks.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** Review 4: our own page's change, on a host whose name java.net.URI does not read as a host. */
class SameOriginRequestsHostTest {

    @Test
    void ownPagePostOnAHostNamedWithAnUnderscoreIsAccepted() {
        // A Docker service or NetBIOS-style name: browsers send it in Origin and Host as typed.
        MockHttpServletRequest post = new MockHttpServletRequest("POST", "/api/runs/r1/abort");
        post.addHeader("Host", "mq_runbooks:8080");
        post.addHeader("Origin", "http://mq_runbooks:8080");

        assertThat(SameOriginRequests.refusal(post, true)).isEmpty();
    }

    @Test
    void anotherSiteIsStillRefused() {
        MockHttpServletRequest post = new MockHttpServletRequest("POST", "/api/runs/r1/abort");
        post.addHeader("Host", "mq_runbooks:8080");
        post.addHeader("Origin", "http://evil_site:8080");

        assertThat(SameOriginRequests.refusal(post, true)).isPresent();
    }
}
