package io.mqrunbooks.application.versions;

/** The bulletin table cannot be used; the message names the file, the record and the field. */
public class BulletinTableException extends RuntimeException {

    public BulletinTableException(String message) {
        super(message);
    }

    public BulletinTableException(String message, Throwable cause) {
        super(message, cause);
    }
}
