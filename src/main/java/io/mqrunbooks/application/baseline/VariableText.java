package io.mqrunbooks.application.baseline;

/**
 * Text for process variables, which Camunda 7 keeps in a 4000-character column: longer text is cut at a line
 * end and says where the whole of it is, rather than failing the step.
 */
public final class VariableText {

    /** Below the engine's 4000 characters, with room for the note. */
    public static final int LIMIT = 3800;

    private VariableText() {
    }

    public static String fit(String text, String wholeTextAt) {
        if (text == null || text.length() <= LIMIT) {
            return text;
        }
        int cut = text.lastIndexOf('\n', LIMIT - 200);
        cut = cut < 0 ? LIMIT - 200 : cut + 1;
        return text.substring(0, cut) + "* ... " + (text.length() - cut) + " more characters; the whole text: "
                + wholeTextAt + "\n";
    }
}
