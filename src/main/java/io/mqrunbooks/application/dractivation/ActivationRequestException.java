package io.mqrunbooks.application.dractivation;

import io.mqrunbooks.application.RunbookRefusal;

/** The start form's request cannot be carried out as given; the message says what is wrong. */
public class ActivationRequestException extends RunbookRefusal {

    /** The BPMN error code: the run ends at "Request refused" with the reason. */
    public static final String CODE = "ACTIVATION_REQUEST_REFUSED";

    public ActivationRequestException(String message) {
        super(CODE, message);
    }
}
