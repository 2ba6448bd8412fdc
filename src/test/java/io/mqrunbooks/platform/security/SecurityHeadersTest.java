package io.mqrunbooks.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqrunbooks.evidence.EvidenceHashing;
import io.mqrunbooks.testsupport.LabAppTest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** What a browser receives from the app's own pages and APIs: the hardening headers, on errors as well. */
class SecurityHeadersTest extends LabAppTest {

    private static final Pattern STYLE_ELEMENT = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL);

    @Autowired
    TestRestTemplate rest;

    @Test
    void theReportPageAllowsItsOwnStyleAndNothingInlineElse() {
        ResponseEntity<String> page = rest.withBasicAuth("auditor", "auditor").getForEntity("/reports/runs", String.class);

        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertHardened(page);
        String policy = page.getHeaders().getFirst("Content-Security-Policy");
        assertThat(policy).startsWith("default-src 'self';").contains("frame-ancestors 'none'")
                .doesNotContain("unsafe-inline").doesNotContain("script-src");
        Matcher style = STYLE_ELEMENT.matcher(page.getBody());
        assertThat(style.find()).as("the page has a style element").isTrue();
        String styleHash = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(EvidenceHashing.sha256(style.group(1))));
        assertThat(policy).as("the browser applies the page's style").contains("style-src 'self' 'sha256-" + styleHash + "'");
    }

    @Test
    void apiAnswersCarryTheHeadersWhetherAllowedOrRefused() {
        ResponseEntity<String> ok = rest.withBasicAuth("auditor", "auditor").getForEntity("/api/runs", String.class);
        ResponseEntity<String> anonymous = rest.getForEntity("/api/runs", String.class);
        if (identityService.createUserQuery().userId("visitor").count() == 0) {
            var visitor = identityService.newUser("visitor");
            visitor.setPassword("Visit0r#Pass-2026");
            identityService.saveUser(visitor);
        }
        ResponseEntity<String> notAReader = rest.withBasicAuth("visitor", "Visit0r#Pass-2026").getForEntity("/api/runs", String.class);
        ResponseEntity<String> unknownRun = rest.withBasicAuth("auditor", "auditor").getForEntity("/api/runs/no-such-run", String.class);
        ResponseEntity<String> unknownPath = rest.withBasicAuth("auditor", "auditor").getForEntity("/api/no-such-thing", String.class);
        ResponseEntity<String> reportOfUnknownRun = rest.withBasicAuth("auditor", "auditor")
                .getForEntity("/reports/runs/no-such-run", String.class);

        assertThat(ok.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(notAReader.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(unknownRun.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknownPath.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(reportOfUnknownRun.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        for (ResponseEntity<String> response : List.of(ok, anonymous, notAReader, unknownRun, unknownPath,
                reportOfUnknownRun)) {
            assertHardened(response);
        }
    }

    @Test
    void engineRestRefusalsCarryTheHeadersToo() {
        assertHardened(rest.getForEntity("/engine-rest/process-definition", String.class));
    }

    @Test
    void camundaWebappsKeepTheirOwnPolicyNotASecondOne() {
        ResponseEntity<String> tasklist = rest.getForEntity("/camunda/app/tasklist/default/", String.class);

        assertThat(tasklist.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(tasklist.getHeaders().get("Content-Security-Policy")).singleElement()
                .isNotEqualTo(SecurityHeadersFilter.CONTENT_SECURITY_POLICY);
    }

    private static void assertHardened(ResponseEntity<String> response) {
        HttpHeaders headers = response.getHeaders();
        assertThat(headers.get("Content-Security-Policy")).as("CSP of a %s answer", response.getStatusCode())
                .containsExactly(SecurityHeadersFilter.CONTENT_SECURITY_POLICY);
        assertThat(headers.get("X-Frame-Options")).as("X-Frame-Options").containsExactly("DENY");
        assertThat(headers.get("X-Content-Type-Options")).as("X-Content-Type-Options").containsExactly("nosniff");
        assertThat(headers.get("Referrer-Policy")).as("Referrer-Policy").containsExactly("same-origin");
    }
}
