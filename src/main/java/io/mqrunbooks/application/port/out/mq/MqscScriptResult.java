package io.mqrunbooks.application.port.out.mq;

/** What applying an MQSC script did: runmqsc's own count of commands read and with errors, and its output. */
public record MqscScriptResult(int commandsRead, int commandsWithErrors, String output) {

    public boolean succeeded() {
        return commandsWithErrors == 0;
    }
}
