package io.mqrunbooks.platform.forms;

/** Input a form does not accept; the message names the key and what is wrong, in words. */
public class FormInputException extends RuntimeException {

    private final String key;

    public FormInputException(String key, String message) {
        super(message);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
