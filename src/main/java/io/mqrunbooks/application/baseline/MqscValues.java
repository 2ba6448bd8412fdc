package io.mqrunbooks.application.baseline;

/** MQSC literals: a quoted string keeps its case and doubles its apostrophes ('It''s'). */
final class MqscValues {

    private MqscValues() {
    }

    static String quote(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
