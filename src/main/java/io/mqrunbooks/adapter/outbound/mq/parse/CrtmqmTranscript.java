package io.mqrunbooks.adapter.outbound.mq.parse;

/**
 * A pasted crtmqm session that may go on with strmqm of the queue manager it created, as setup scripts print
 * them one after the other.
 *
 * @param crtmqm what crtmqm printed
 * @param strmqm what the strmqm that followed printed, or null when the text holds only crtmqm
 */
public record CrtmqmTranscript(CrtmqmResult crtmqm, ControlTranscript strmqm) {
}
