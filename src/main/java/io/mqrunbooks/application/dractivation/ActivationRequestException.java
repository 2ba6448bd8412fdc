package io.mqrunbooks.application.dractivation;

/** The start form's request cannot be carried out as given; the message says what is wrong. */
public class ActivationRequestException extends RuntimeException {

    public ActivationRequestException(String message) {
        super(message);
    }
}
