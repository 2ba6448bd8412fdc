package io.mqrunbooks.application.generic;

/** One poll of a generic wait: whether what the model waits for is there, and what was seen, in words. */
public record WaitPoll(boolean reached, String summary) {
}
