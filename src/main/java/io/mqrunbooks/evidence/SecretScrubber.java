package io.mqrunbooks.evidence;

import io.mqrunbooks.mq.MqscSecrets;
import java.util.List;
import org.springframework.stereotype.Component;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces secrets in command output, command lines and variable values with {@value #REDACTED} before
 * they are stored as evidence. It only removes values that follow an unmistakable marker (a PEM private
 * key block, a password-like word with {@code =} or {@code :}, an Authorization header, a long token
 * after key/token/secret, credentials in a URL, the MQSC password attributes), so ordinary MQ output
 * ({@code CONNAME(10.0.0.1(1414))}, {@code DR out of sync data: 0KB}) passes unchanged.
 * <p>
 * A bare {@code -p} option is deliberately not treated as a password: {@code endmqm -p QM1} and
 * {@code rdqmdr -m QM1 -p} use it for "pre-emptive" and "promote". Only {@code sshpass -p} and the
 * MariaDB/MySQL clients' attached {@code -pSECRET} are.
 */
@Component
public class SecretScrubber {

    public static final String REDACTED = MqscSecrets.REDACTED;

    private record Rule(Pattern pattern, String replacement) {
    }

    /** A quoted value is redacted whole, never in part (an unclosed one to the end of the line). */
    private static final String SECRET_VALUE = "(" + MqscSecrets.QUOTED_VALUE + "|[^\\s,;&\"']+)";

    private static final List<Rule> RULES = List.of(
            // PEM private key blocks from BEGIN to END marker (RSA, EC, OPENSSH, ENCRYPTED variants)
            new Rule(Pattern.compile("-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY-----.*?(-----END \\1PRIVATE KEY-----|\\z)",
                    Pattern.DOTALL), REDACTED),
            // Authorization: Basic dXNlcjpwYXNz / Bearer eyJ...
            new Rule(Pattern.compile("(?i)\\b((?:proxy-)?authorization[\"']?[ \\t]*[:=][ \\t]*[\"']?(?:basic|bearer|digest|negotiate)?[ \\t]*)"
                    + "[^\\s\"',;]+"), "$1" + REDACTED),
            // scheme://user:secret@host
            new Rule(Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://[^\\s:/@]+:)[^\\s@/]+@"), "$1" + REDACTED + "@"),
            // MQSC attributes that hold passwords
            new Rule(MqscSecrets.PASSWORD_ATTRIBUTE, "$1(" + REDACTED + ")"),
            // password=x, passwd: x, "pwd": "x", secret=x, client_secret=x (same line only)
            new Rule(Pattern.compile("(?i)\\b([a-z_]*(?:password|passwd|pwd|passphrase|secret)[\"']?[ \\t]*[=:][ \\t]*)"
                    + SECRET_VALUE), "$1" + REDACTED),
            // --password x, -password x, --passwd=x
            new Rule(Pattern.compile("(?i)(?<=\\s|^)(--?(?:password|passwd|pass))(=|[ \\t]+)" + SECRET_VALUE),
                    "$1$2" + REDACTED),
            // sshpass -p x
            new Rule(Pattern.compile("\\b(sshpass[ \\t]+-p[ \\t]*)" + SECRET_VALUE), "$1" + REDACTED),
            // mysql -uroot -pSECRET, mariadb -pSECRET (attached form only)
            new Rule(Pattern.compile("\\b((?:mysql|mariadb|mysqldump|mariadb-dump)\\b[^\\n]*?[ \\t]-p)([^\\s-][^\\s]*)"),
                    "$1" + REDACTED),
            // api_key=AbC..., token: 9f86d0..., "access-key": "...": long base64/hex tokens after key words
            new Rule(Pattern.compile("(?i)\\b([a-z_-]*(?:key|token)[\"']?[ \\t]*[=:]?[ \\t]*[\"']?)"
                    + "([A-Za-z0-9][A-Za-z0-9+/_.=-]{19,})"), null));

    /**
     * A word every rule above needs (case-folded as they are): text without any of them passes unchanged, so
     * most values (step names, ids, ordinary output lines) cost one scan instead of one per rule.
     */
    private static final Pattern ANY_RULE_WORD = Pattern.compile(
            "(?i)key|token|pass|pwd|secret|authorization|://|mysql|mariadb");

    private static final Pattern TOKEN_LIKE = Pattern.compile("(?=.*[0-9])(?=.*[A-Za-z])[A-Za-z0-9+/_.=-]+|[0-9a-fA-F]+");

    public String scrub(String text) {
        if (text == null || text.isEmpty() || !ANY_RULE_WORD.matcher(text).find()) {
            return text;
        }
        String result = text;
        for (Rule rule : RULES) {
            if (rule.replacement() != null) {
                result = rule.pattern().matcher(result).replaceAll(rule.replacement());
            } else {
                result = replaceTokens(rule.pattern(), result);
            }
        }
        return result;
    }

    /** True when a variable or field name says its value is a secret. */
    public boolean isSecretName(String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        return n.contains("password") || n.contains("passwd") || n.contains("pwd") || n.contains("secret")
                || n.contains("token") || n.contains("credential") || n.contains("passphrase")
                || n.endsWith("key") && !n.endsWith("businesskey") && !n.endsWith("processkey");
    }

    // A token must look like one (letters and digits, or all hex) so words like "keyrepository" stay.
    private static String replaceTokens(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String token = m.group(2);
            String replacement = TOKEN_LIKE.matcher(token).matches() && !token.contains("..")
                    ? m.group(1) + REDACTED : m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
