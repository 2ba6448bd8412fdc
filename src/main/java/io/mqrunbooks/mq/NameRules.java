package io.mqrunbooks.mq;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The naming rules every value must pass before it may reach a command line. Each check returns the
 * problem in words, or empty when the value is fine; callers add where the value came from.
 */
public final class NameRules {

    /** IBM MQ queue manager and object names: 1-48 of A-Z a-z 0-9 . _ / %. */
    private static final Pattern MQ_NAME = Pattern.compile("[A-Za-z0-9._/%]{1,48}");
    /** Channel names are limited to 20 characters. */
    private static final Pattern MQ_CHANNEL = Pattern.compile("[A-Za-z0-9._/%]{1,20}");
    /** RFC 1123 host name labels, or an IPv4 address. */
    private static final Pattern HOST_NAME = Pattern.compile(
            "(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");
    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    /** A POSIX user name as SSH accepts it. */
    private static final Pattern USER = Pattern.compile("[a-z_][a-z0-9_-]{0,31}");
    /** Characters a shell would interpret. */
    private static final Pattern SHELL_META = Pattern.compile("[;&|`$<>\\\\\"'\\n\\r\\t*?(){}\\[\\]!#~ ]");

    private NameRules() {
    }

    public static Optional<String> checkMqName(String value) {
        if (value == null || value.isEmpty()) {
            return Optional.of("is empty; an IBM MQ name needs 1 to 48 characters");
        }
        if (value.length() > 48) {
            return Optional.of("'" + value + "' is " + value.length() + " characters; IBM MQ allows at most 48");
        }
        if (!MQ_NAME.matcher(value).matches()) {
            return Optional.of("'" + value + "' has characters IBM MQ does not allow in a name"
                    + " (only A-Z a-z 0-9 . _ / %)");
        }
        return Optional.empty();
    }

    /**
     * The directory IBM MQ gives a queue manager under {@code <prefix>/qmgrs} ("IBM MQ file names", name
     * transformation): {@code .} becomes {@code !} and {@code /} becomes {@code &}, so {@code QM.NHA} lives in
     * {@code QM!NHA}. The name must already pass {@link #checkMqName}.
     */
    public static String queueManagerDirectory(String queueManager) {
        return queueManager.replace('.', '!').replace('/', '&');
    }

    /** The queue manager whose directory is {@code directory}, or empty when no name transforms to it. */
    public static Optional<String> queueManagerOfDirectory(String directory) {
        String name = directory == null ? "" : directory.replace('!', '.').replace('&', '/');
        return checkMqName(name).isEmpty() && queueManagerDirectory(name).equals(directory)
                ? Optional.of(name) : Optional.empty();
    }

    public static Optional<String> checkChannelName(String value) {
        Optional<String> asName = checkMqName(value);
        if (asName.isPresent()) {
            return asName;
        }
        if (!MQ_CHANNEL.matcher(value).matches()) {
            return Optional.of("'" + value + "' is " + value.length() + " characters; IBM MQ channel names allow at most 20");
        }
        return Optional.empty();
    }

    public static Optional<String> checkHostName(String value) {
        if (value == null || value.isEmpty()) {
            return Optional.of("is empty; a host name or IP address is needed");
        }
        if (IPV4.matcher(value).matches() || (HOST_NAME.matcher(value).matches() && !value.matches("[0-9.]+"))) {
            return Optional.empty();
        }
        return Optional.of("'" + value + "' is not a valid host name or IPv4 address");
    }

    public static Optional<String> checkPort(int port) {
        if (port < 1 || port > 65535) {
            return Optional.of(port + " is out of range (1-65535)");
        }
        return Optional.empty();
    }

    public static Optional<String> checkUser(String value) {
        if (value == null || !USER.matcher(value).matches()) {
            return Optional.of("'" + value + "' is not a valid user name");
        }
        return Optional.empty();
    }

    /** True when the text holds a character a shell would interpret. */
    public static boolean hasShellMetacharacter(String value) {
        return value != null && SHELL_META.matcher(value).find();
    }
}
