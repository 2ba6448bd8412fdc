package io.mqrunbooks.platform.notify;

/** A user who may act on a waiting task, with the e-mail address of their Camunda profile (null if none). */
public record Recipient(String userId, String email) {
}
