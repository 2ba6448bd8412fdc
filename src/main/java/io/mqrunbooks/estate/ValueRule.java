package io.mqrunbooks.estate;

import io.mqrunbooks.mq.NameRules;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The rules for single values of the inventory (docs/inventory.md); each names the problem, or none. */
enum ValueRule {

    SITE_NAME(value -> value.isEmpty() ? Optional.of("is empty") : shellRule(value)),
    MQ_NAME(value -> shellRule(value).or(() -> NameRules.checkMqName(value))),
    CHANNEL(value -> shellRule(value).or(() -> NameRules.checkChannelName(value))),
    HOST(ValueRule::hostRule),
    USER(value -> shellRule(value).or(() -> NameRules.checkUser(value))),
    CIPHER_SPEC(value -> shellRule(value).or(() -> Patterns.CIPHER_SPEC.matcher(value).matches() ? Optional.empty()
            : Optional.of("'" + value + "' is not a cipher spec name (letters, digits and _)"))),
    CONNAME(ValueRule::connameRule),
    FREE_TEXT(ValueRule::freeTextRule),
    PORT(ValueRule::portRule),
    KIND(oneOf(Arrays.stream(QueueManagerKind.values()).map(QueueManagerKind::yamlName).toList())),
    TRANSPORT(oneOf(Arrays.stream(Transport.values()).map(Transport::yamlName).toList())),
    BACKUP_LEVEL(oneOf(Arrays.stream(BackupLevel.values()).map(BackupLevel::yamlName).toList())),
    DR_MODE(oneOf(List.of("async", "sync")));

    private final Function<String, Optional<String>> rule;

    ValueRule(Function<String, Optional<String>> rule) {
        this.rule = rule;
    }

    /** The problem with this value, or empty when it passes. */
    Optional<String> check(String value) {
        return rule.apply(value);
    }

    /** The inventory value must pass its {@link ValueRule}; the violation's message is the rule's own. */
    @Target(ElementType.FIELD)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = Checked.RuleValidator.class)
    @interface Checked {

        ValueRule value();

        String message() default "";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        final class RuleValidator implements ConstraintValidator<Checked, Object> {

            private ValueRule rule;

            @Override
            public void initialize(Checked checked) {
                rule = checked.value();
            }

            @Override
            public boolean isValid(Object value, ConstraintValidatorContext context) {
                Optional<String> problem = value == null ? Optional.empty() : rule.check(value.toString());
                problem.ifPresent(p -> {
                    context.disableDefaultConstraintViolation();
                    context.buildConstraintViolationWithTemplate(literal(p)).addConstraintViolation();
                });
                return problem.isEmpty();
            }

            /** Values from the file may hold {@code {}} or {@code $}, which a message template would interpret. */
            private static String literal(String message) {
                return message.replaceAll("([\\\\{}$])", "\\\\$1");
            }
        }
    }

    /** Enum constants cannot read the enum's own static fields while they are built. */
    private static final class Patterns {
        static final Pattern CIPHER_SPEC = Pattern.compile("[A-Za-z0-9_]{1,64}");
        static final Pattern CONNAME = Pattern.compile("(.*)\\(([^()]*)\\)");
    }

    private static Optional<String> hostRule(String value) {
        return shellRule(value).or(() -> NameRules.checkHostName(value));
    }

    /** {@code host(port)}: the form MQ's CONNAME takes for one address. */
    private static Optional<String> connameRule(String value) {
        Matcher matcher = Patterns.CONNAME.matcher(value);
        if (!matcher.matches()) {
            return Optional.of("'" + value + "' is not host(port), e.g. dr-gw.bank.example(1414)");
        }
        String port = matcher.group(2);
        Optional<String> hostProblem = hostRule(matcher.group(1));
        if (hostProblem.isPresent()) {
            return Optional.of("host " + hostProblem.get());
        }
        if (!port.matches("[0-9]{1,5}")) {
            return Optional.of("port '" + port + "' is not a number");
        }
        return NameRules.checkPort(Integer.parseInt(port)).map(p -> "port " + p);
    }

    /** Jackson has already refused anything that is not a whole number. */
    private static Optional<String> portRule(String value) {
        BigInteger port = new BigInteger(value);
        if (port.bitLength() >= Integer.SIZE) {
            return Optional.of(value + " is out of range (1-65535)");
        }
        return NameRules.checkPort(port.intValue());
    }

    /** Text people read (names, phone numbers, ticket text): spaces are fine, command substitution is not. */
    private static Optional<String> freeTextRule(String value) {
        if (value.isBlank()) {
            return Optional.of("is blank");
        }
        for (char c : value.toCharArray()) {
            if (Character.isISOControl(c) || Character.getType(c) == Character.LINE_SEPARATOR
                    || Character.getType(c) == Character.PARAGRAPH_SEPARATOR) {
                return Optional.of("contains a control character (U+" + String.format("%04X", (int) c) + ")");
            }
        }
        if (value.contains("`")) {
            return Optional.of("'" + value + "' contains a backtick (`), which a shell would run as a command");
        }
        if (value.contains("$(")) {
            return Optional.of("'" + value + "' contains '$(', which a shell would run as a command");
        }
        return Optional.empty();
    }

    private static Optional<String> shellRule(String value) {
        for (char c : value.toCharArray()) {
            if (NameRules.hasShellMetacharacter(String.valueOf(c))) {
                return Optional.of("'" + value + "' contains a shell metacharacter " + describe(c));
            }
        }
        return Optional.empty();
    }

    private static String describe(char c) {
        return switch (c) {
            case ' ' -> "' ' (space)";
            case '\t' -> "'\\t' (tab)";
            case '\n' -> "'\\n' (newline)";
            case '\r' -> "'\\r' (carriage return)";
            default -> "'" + c + "'";
        };
    }

    private static Function<String, Optional<String>> oneOf(List<String> allowed) {
        return value -> allowed.contains(value) ? Optional.empty()
                : Optional.of("'" + value + "' is not one of " + String.join(", ", allowed));
    }
}
