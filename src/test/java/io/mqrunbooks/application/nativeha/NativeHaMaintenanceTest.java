package io.mqrunbooks.application.nativeha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.when;

import io.mqrunbooks.application.RunbookRefusal;
import io.mqrunbooks.application.port.out.MqControlPort;
import io.mqrunbooks.application.port.out.SshException;
import io.mqrunbooks.mq.NativeHaStatus;
import io.mqrunbooks.estate.Estate;
import io.mqrunbooks.estate.Host;
import io.mqrunbooks.estate.QueueManager;
import io.mqrunbooks.estate.QueueManagerKind;
import io.mqrunbooks.estate.Site;
import io.mqrunbooks.estate.Transport;
import java.util.List;
import org.junit.jupiter.api.Test;

class NativeHaMaintenanceTest {

    private static final List<String> HOSTS = List.of("alpha", "beta", "gamma");

    private final MqControlPort control = mock(MqControlPort.class);
    private final NativeHaMaintenance maintenance = new NativeHaMaintenance(new Estate(List.of(new Site("east")),
            HOSTS.stream().map(h -> new Host(h, h + ".example.com", 22, "mqm", false, "east", null)).toList(),
            List.of(new QueueManager("MYQMGR", QueueManagerKind.NATIVE_HA, HOSTS, "LISTENER.TCP", 1414,
                    Transport.MQSC_SSH, null, null, null),
                    new QueueManager("SOLO", QueueManagerKind.SINGLE, List.of("alpha"), "LISTENER.TCP", 1415,
                            Transport.MQSC_SSH, null, null, null)),
            List.of(), List.of()), control);

    private static NativeHaStatus.Instance instance(String name, String role, boolean inSync, long backlog) {
        return new NativeHaStatus.Instance(name, role, name + "(4444)", true, inSync, backlog);
    }

    /** What each host answers when {@code active} is active and every instance is in sync but {@code behind}. */
    private void group(String active, String behind, List<String> listed) {
        List<NativeHaStatus.Instance> instances = listed.stream().map(h -> instance(h, h.equals(active) ? "Active"
                : "Replica", !h.equals(behind), h.equals(behind) ? 2048 : 0)).toList();
        long inSync = instances.stream().filter(NativeHaStatus.Instance::inSync).count();
        for (String host : HOSTS) {
            when(control.nativeHaStatus(host, "MYQMGR")).thenReturn(new NativeHaStatus(host, "MYQMGR", true,
                    host.equals(active) ? "Active" : "Replica", host, !host.equals(behind), inSync + "/3", instances));
        }
    }

    @Test
    void theActiveIsLastWhereverItRuns() {
        group("beta", null, HOSTS);

        NativeHaMaintenance.Plan plan = maintenance.assess("MYQMGR");

        assertThat(plan.order()).containsExactly("alpha", "gamma", "beta");
        assertThat(plan.orderText()).isEqualTo("alpha,gamma,beta");
        assertThat(plan.summary()).contains("beta       beta       Active   Yes     0            3 (last");
    }

    @Test
    void aReplicaBehindRefusesWithItsBacklog() {
        group("alpha", "gamma", HOSTS);

        assertThatThrownBy(() -> maintenance.assess("MYQMGR")).isInstanceOfSatisfying(RunbookRefusal.class,
                r -> assertThat(r.code()).isEqualTo("QUORUM_AT_RISK")).hasMessageContaining(
                "INSTANCE(gamma) ROLE(Replica) CONNACTV(Yes) INSYNC(No) BACKLOG(2048) is not");
    }

    @Test
    void anInstanceNotNamedAfterAnInventoryHostIsRefused() {
        group("alpha", null, List.of("alpha", "beta", "inst3"));

        assertThatThrownBy(() -> maintenance.assess("MYQMGR")).isInstanceOfSatisfying(RunbookRefusal.class,
                r -> assertThat(r.code()).isEqualTo("INSTANCE_NOT_IN_INVENTORY"))
                .hasMessageStartingWith("Rolling maintenance refused: the active instance on alpha lists no instance"
                        + " named gamma");
    }

    @Test
    void onlyNativeHaQueueManagersAreTaken() {
        assertThatThrownBy(() -> maintenance.assess("SOLO")).hasMessage("Queue manager 'SOLO' is single in the"
                + " inventory, not native-ha");
    }

    @Test
    void theNextInstanceMayBeBehindButNoOtherMay() {
        group("alpha", "beta", HOSTS);

        assertThat(maintenance.checkSync("MYQMGR", List.of("beta", "gamma", "alpha"), "beta").inSync()).isTrue();
        NativeHaMaintenance.SyncCheck check = maintenance.checkSync("MYQMGR", List.of("beta", "gamma", "alpha"),
                "gamma");
        assertThat(check.inSync()).isFalse();
        assertThat(check.activeHost()).isEqualTo("alpha");
        assertThat(check.summary()).endsWith("not in sync: INSTANCE(beta) ROLE(Replica) CONNACTV(Yes) INSYNC(No)"
                + " BACKLOG(2048)");
    }

    @Test
    void aLostHostIsWaitedForWhetherItIsReadBeforeTheActiveOrIsTheNextInstance() {
        group("beta", null, HOSTS);
        when(control.nativeHaStatus("alpha", "MYQMGR")).thenThrow(new SshException(SshException.Kind.HOST_UNREACHABLE,
                "alpha", "Connection timed out"));

        NativeHaMaintenance.SyncCheck lostFirst = maintenance.checkSync("MYQMGR", List.of("alpha", "gamma", "beta"),
                "gamma");
        assertThat(lostFirst.inSync()).isFalse();
        assertThat(lostFirst.activeHost()).isEqualTo("beta");
        assertThat(lostFirst.summary()).startsWith("dspmq -o nativeha -x on alpha: cannot be reached (Connection timed"
                + " out)\ndspmq -o nativeha -x on beta: ROLE(Active)").endsWith("not in sync: alpha cannot be reached");

        // gamma, the next to maintain, is not connected to the active: it is read, and cannot be reached either
        reset(control);
        group("alpha", null, HOSTS);
        when(control.nativeHaStatus("alpha", "MYQMGR")).thenReturn(new NativeHaStatus("alpha", "MYQMGR", true,
                "Active", "alpha", true, "2/3", List.of(instance("alpha", "Active", true, 0),
                        instance("beta", "Replica", true, 0), new NativeHaStatus.Instance("gamma", "Unknown",
                                "gamma(4444)", false, false, 0))));
        when(control.nativeHaStatus("gamma", "MYQMGR")).thenThrow(new SshException(SshException.Kind.HOST_UNREACHABLE,
                "gamma", "No route to host"));
        NativeHaMaintenance.SyncCheck lostNext = maintenance.checkSync("MYQMGR", List.of("beta", "gamma", "alpha"),
                "gamma");
        assertThat(lostNext.inSync()).isFalse();
        assertThat(lostNext.summary()).endsWith("dspmq -o nativeha -x on gamma: cannot be reached (No route to host)\n"
                + "not in sync: gamma cannot be reached");
    }

    @Test
    void anApprovedOrderMustNameEachHostOnce() {
        assertThat(maintenance.order("MYQMGR", "beta,gamma,alpha")).containsExactly("beta", "gamma", "alpha");
        assertThatThrownBy(() -> maintenance.order("MYQMGR", "beta,beta,alpha"))
                .hasMessage("The approved order 'beta,beta,alpha' does not name each host of MYQMGR once (alpha, beta,"
                        + " gamma)");
    }

    @Test
    void withoutAnActiveAfterTheEndTheStepFailsAndIsRetried() {
        for (String host : HOSTS) {
            when(control.nativeHaStatus(host, "MYQMGR")).thenReturn(new NativeHaStatus(host, "MYQMGR", true, "Replica",
                    host, false, "1/3", List.of()));
        }
        assertThatThrownBy(() -> maintenance.confirmActive("MYQMGR", "alpha")).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("No instance of MYQMGR reports ROLE(Active) after alpha ended:\n"
                        + "dspmq -o nativeha -x on beta: ROLE(Replica) INSTANCE(beta) INSYNC(No) QUORUM(1/3)");
    }
}
