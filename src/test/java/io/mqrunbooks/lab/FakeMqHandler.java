package io.mqrunbooks.lab;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Answers like a tiny MQ installation so that the tests can see what reached the handler. */
final class FakeMqHandler implements LabCommandHandler {

    record Call(String host, String user, List<String> argv, String stdin) {
    }

    final List<Call> calls = new CopyOnWriteArrayList<>();

    @Override
    public LabExecution execute(String host, String user, List<String> argv, String stdin) {
        calls.add(new Call(host, user, argv, stdin));
        switch (argv.get(0)) {
            case "dspmq":
                return new LabExecution(0, "QMNAME(QM1)                                               STATUS(Running)\n", "");
            case "runmqsc":
                return new LabExecution(0, "received " + stdin.length() + " characters on " + host + ":\n" + stdin, "");
            case "strmqm":
                return new LabExecution(72, "", "AMQ7048E: The queue manager name is either not valid or not known.\n");
            case "sleepy":
                try {
                    Thread.sleep(10_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new LabExecution(0, "woke up\n", "");
            default:
                return new LabExecution(0, "host=" + host + " user=" + user + " argv=" + argv + "\n", "");
        }
    }
}
