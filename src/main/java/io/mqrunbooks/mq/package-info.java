/**
 * The IBM MQ model shared by the parsers, the adapters, the runbooks and the lab: one type per MQ concept
 * (a version, a queue manager's status, what a control command did, a channel's status), worded as IBM MQ words it.
 * Depends on nothing else of the application.
 */
package io.mqrunbooks.mq;
