package io.mqrunbooks.runbooks.nativeha;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;

import io.mqrunbooks.application.port.out.MqControlPort;
import io.mqrunbooks.mq.ControlOutcome;
import io.mqrunbooks.mq.ControlResult;
import io.mqrunbooks.application.port.out.control.EndMode;
import io.mqrunbooks.mq.NativeHaStatus;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a mocked {@link MqControlPort} answers for QMNHA on nha1..nha3: a small model of the group (who is active,
 * who runs, who is in sync) that endmqm and strmqm change as a real group would, so an engine test drives a whole
 * rolling maintenance without scripting every read.
 */
final class NativeHaGroupModel {

    static final String QM = "QMNHA";
    static final List<String> HOSTS = List.of("nha1", "nha2", "nha3");

    /** Per host: Active, Replica or Ended. */
    final Map<String, String> role = new LinkedHashMap<>();
    final Set<String> behind = new HashSet<>();
    /** Hosts that stay out of sync after strmqm until the test says otherwise. */
    final Set<String> staysBehind = new HashSet<>();
    final List<String> commands = new ArrayList<>();

    NativeHaGroupModel(MqControlPort control) {
        HOSTS.forEach(h -> role.put(h, h.equals("nha1") ? "Active" : "Replica"));
        when(control.nativeHaStatus(anyString(), eq(QM))).thenAnswer(call -> status(call.getArgument(0)));
        when(control.end(anyString(), eq(QM), eq(EndMode.WAIT), eq(false))).thenAnswer(call -> end(call.getArgument(0)));
        when(control.start(anyString(), eq(QM))).thenAnswer(call -> start(call.getArgument(0)));
    }

    NativeHaStatus status(String host) {
        String here = role.get(host);
        if (here.equals("Ended")) {
            return new NativeHaStatus(host, QM, true, "Unknown", host, false, "", List.of());
        }
        List<NativeHaStatus.Instance> instances = HOSTS.stream().map(h -> new NativeHaStatus.Instance(h,
                role.get(h).equals("Ended") ? "Unknown" : role.get(h), h + "(4444)", !role.get(h).equals("Ended"),
                inSync(h), inSync(h) ? 0 : 512)).toList();
        long inSync = HOSTS.stream().filter(this::inSync).count();
        return new NativeHaStatus(host, QM, true, here, host, inSync(host), inSync + "/3", instances);
    }

    boolean inSync(String host) {
        return !role.get(host).equals("Ended") && !behind.contains(host);
    }

    private ControlResult end(String host) {
        commands.add(host + ": endmqm -w " + QM);
        boolean wasActive = role.get(host).equals("Active");
        role.put(host, "Ended");
        if (wasActive) {
            HOSTS.stream().filter(h -> role.get(h).equals("Replica") && inSync(h)).findFirst()
                    .ifPresent(h -> role.put(h, "Active"));
        }
        return new ControlResult(ControlOutcome.ENDED, List.of("IBM MQ queue manager '" + QM + "' ended."), 0);
    }

    private ControlResult start(String host) {
        commands.add(host + ": strmqm " + QM);
        role.put(host, "Replica");
        if (staysBehind.contains(host)) {
            behind.add(host);
        }
        return new ControlResult(ControlOutcome.STARTED, List.of("IBM MQ queue manager '" + QM + "' started."), 0);
    }
}
