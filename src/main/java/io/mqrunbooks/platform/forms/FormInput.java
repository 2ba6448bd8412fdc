package io.mqrunbooks.platform.forms;

import io.mqrunbooks.evidence.SecretScrubber;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Checks what a caller submits against the form it answers: only the keys the form declares, each of its
 * type and within its rules. Read-only keys (what the form shows) are accepted only unchanged and are then
 * dropped, so they are never written. Values that look like a password or key are refused: no form takes
 * secrets, and whatever a form takes is kept in the run's history.
 */
public final class FormInput {

    /** Longest text a one-line field takes when its form says nothing (Camunda keeps 4,000 characters). */
    static final int TEXTFIELD_LIMIT = 1_000;
    static final int TEXTAREA_LIMIT = 4_000;

    private static final SecretScrubber SECRETS = new SecretScrubber();

    private FormInput() {
    }

    /**
     * The values to write, checked.
     *
     * @param submitted plain values (String, Boolean, Number or null) by key
     * @param complete  whether required keys must be present (a whole form submitted)
     * @throws FormInputException naming the first key that is not accepted
     */
    public static Map<String, Object> check(FormDefinition form, Map<String, Object> submitted, boolean complete) {
        Map<String, Object> accepted = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : submitted.entrySet()) {
            String key = entry.getKey();
            FormField field = form.field(key).orElseThrow(() -> new FormInputException(key,
                    "'" + key + "' is not a field of the form '" + form.id() + "'; it accepts only "
                            + form.inputKeys()));
            if (field.readonly()) {
                // What the form shows comes back with the submission (Tasklist sends every field); it is never
                // an input, so it is never written, whatever it says.
                continue;
            }
            Object value = checkValue(form, field, entry.getValue());
            if (value != null) {
                accepted.put(key, value);
            }
        }
        if (complete) {
            for (FormField field : form.fields()) {
                if (field.required() && !field.readonly() && !accepted.containsKey(field.key())) {
                    throw new FormInputException(field.key(), "'" + field.key() + "' (" + field.label()
                            + ") is required on the form '" + form.id() + "'");
                }
            }
        }
        return accepted;
    }

    private static Object checkValue(FormDefinition form, FormField field, Object value) {
        String key = field.key();
        String where = "'" + key + "' (" + field.label() + ")";
        if (value == null || value instanceof String s && s.isEmpty()) {
            return null;
        }
        if (field.isMultiple()) {
            return multiple(form, field, value);
        }
        switch (field.type()) {
            case "checkbox" -> {
                if (!(value instanceof Boolean checked)) {
                    throw new FormInputException(key, where + " must be true or false, not " + describe(value));
                }
                if (field.required() && !checked) {
                    throw new FormInputException(key, where + " must be ticked to complete the form '"
                            + form.id() + "'");
                }
                return value;
            }
            case "number" -> {
                if (!(value instanceof Number number)) {
                    throw new FormInputException(key, where + " must be a number, not " + describe(value));
                }
                if (field.min() != null && number.doubleValue() < field.min()
                        || field.max() != null && number.doubleValue() > field.max()) {
                    throw new FormInputException(key, where + " must be between " + field.min() + " and "
                            + field.max() + ", not " + number);
                }
                return value;
            }
            default -> {
                if (!(value instanceof String text)) {
                    throw new FormInputException(key, where + " must be text, not " + describe(value));
                }
                checkText(form, field, text);
                return text;
            }
        }
    }

    /**
     * A taglist's or checklist's names, from a list (Tasklist sends one) or a text separated by commas or blanks
     * (the REST API), each checked as one choice; kept as one text, the names separated by commas, or null if none.
     */
    private static String multiple(FormDefinition form, FormField field, Object value) {
        String where = "'" + field.key() + "' (" + field.label() + ")";
        List<String> names = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object entry : list) {
                if (!(entry instanceof String name)) {
                    throw new FormInputException(field.key(), where + " takes names, not " + describe(entry));
                }
                names.add(name.strip());
            }
        } else if (value instanceof String text) {
            names.addAll(Arrays.asList(text.strip().split("[,\\s]+")));
        } else {
            throw new FormInputException(field.key(), where + " must be a list of names, not " + describe(value));
        }
        names.removeIf(String::isEmpty);
        if (names.isEmpty()) {
            return null;
        }
        for (String name : names) {
            if (field.inventory() != null && name.equals(InventoryChoice.ALL)) {
                continue;
            }
            FormField one = new FormField(field.key(), field.label(), "select", false, false, null, null, null, null,
                    null, field.values(), field.inventory());
            checkText(form, one, name);
        }
        return String.join(",", new java.util.LinkedHashSet<>(names));
    }

    private static void checkText(FormDefinition form, FormField field, String text) {
        String key = field.key();
        String where = "'" + key + "' (" + field.label() + ")";
        if (field.inventory() != null) {
            // Which names the inventory offers is checked where the inventory is known (EngineApiGuard); here
            // only that it is a name at all.
            if (io.mqrunbooks.mq.NameRules.checkMqName(text).isPresent()) {
                throw new FormInputException(key, where + " is not in the form the field asks for: '"
                        + shorten(text) + "'" + " (IBM MQ names are 1 to 48 characters of A-Z a-z 0-9 . _ / %)");
            }
            return;
        }
        if (field.isChoice()) {
            if (!field.values().contains(text)) {
                throw new FormInputException(key, where + " must be one of " + field.values() + ", not '"
                        + shorten(text) + "'");
            }
            return;
        }
        boolean multiLine = "textarea".equals(field.type());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowedWhitespace = multiLine && (c == '\n' || c == '\t');
            boolean invisible = Character.getType(c) == Character.FORMAT || c == '\u2028' || c == '\u2029';
            if ((Character.isISOControl(c) || invisible) && !allowedWhitespace) {
                throw new FormInputException(key, where + " holds a control character (U+"
                        + String.format("%04X", (int) c) + ") at position " + (i + 1)
                        + (multiLine ? "; only line breaks and tabs are allowed" : "; it takes one line of text"));
            }
        }
        int limit = field.maxLength() != null ? field.maxLength() : multiLine ? TEXTAREA_LIMIT : TEXTFIELD_LIMIT;
        if (text.length() > limit) {
            throw new FormInputException(key, where + " is " + text.length() + " characters long; at most "
                    + limit + " are allowed");
        }
        if (field.minLength() != null && text.length() < field.minLength()) {
            throw new FormInputException(key, where + " needs at least " + field.minLength() + " characters");
        }
        if (field.pattern() != null && !field.pattern().matcher(text).find()) {
            throw new FormInputException(key, where + " is not in the form the field asks for: '"
                    + shorten(text) + "'" + hint(key));
        }
        if ("datetime".equals(field.type()) && !isDateTime(text)) {
            throw new FormInputException(key, where + " must be a date and time such as 2026-12-06T14:30,"
                    + " not '" + shorten(text) + "'");
        }
        if (!Objects.equals(SECRETS.scrub(text), text)) {
            throw new FormInputException(key, where + " looks like it holds a password, key or token; forms"
                    + " never take secrets (whatever a form takes is kept in the run's history)");
        }
    }

    private static String hint(String key) {
        if (key.equals("queueManager") || key.endsWith("QueueManager") || key.equals("clusterName")) {
            return " (IBM MQ names are 1 to 48 characters of A-Z a-z 0-9 . _ / %)";
        }
        return "";
    }

    private static boolean isDateTime(String text) {
        for (java.util.function.Function<String, ?> parser : java.util.List.<java.util.function.Function<String, ?>>of(
                OffsetDateTime::parse, LocalDateTime::parse, LocalDate::parse, java.time.Instant::parse)) {
            try {
                parser.apply(text);
                return true;
            } catch (DateTimeParseException notThisForm) {
                // try the next form
            }
        }
        return false;
    }

    private static String describe(Object value) {
        return value == null ? "nothing" : value instanceof List<?> list ? "a list " + shorten(list.toString()) : value instanceof String s ? "the text '" + shorten(s) + "'" : value.getClass().getSimpleName() + " " + value;
    }

    private static String shorten(String text) {
        String oneLine = text.replaceAll("\\p{Cntrl}", "?");
        return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 57) + "...";
    }
}
