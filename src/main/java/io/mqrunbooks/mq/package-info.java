/**
 * The IBM MQ model shared by the parsers, the adapters, the runbooks and the lab: one type per MQ concept, worded as
 * IBM MQ words it. A version, a queue manager's status as dspmq, rdqmstatus and DISPLAY QMSTATUS show it, the HA and
 * DR states, what a control command did, a channel's status, the cluster views, object definitions (MQSC as dmpmqcfg
 * writes it, parsed, compared and written again) and IBM MQ's naming rules. Depends on nothing else of the
 * application ({@code MqModelPackageTest}).
 */
package io.mqrunbooks.mq;
