package io.mqrunbooks.application.rdqm;

import io.mqrunbooks.application.port.out.MqControlPort;
import io.mqrunbooks.application.port.out.SshException;
import org.springframework.stereotype.Service;

/**
 * Reads {@code rdqmstatus -m QM} on a node. An unreachable node is a business fact here (the failover and
 * node replacement runbooks are about lost nodes), so it becomes a reading; any other SSH failure is
 * technical and propagates.
 */
@Service
public class RdqmReader {

    private final MqControlPort control;

    public RdqmReader(MqControlPort control) {
        this.control = control;
    }

    public NodeReading read(String host, String queueManager) {
        try {
            return NodeReading.of(host, control.rdqmStatus(host, queueManager));
        } catch (SshException e) {
            if (e.kind() == SshException.Kind.HOST_UNREACHABLE) {
                return NodeReading.unreachable(host, e.getMessage());
            }
            throw e;
        }
    }
}
