package io.mqrunbooks.lab.control;

import io.mqrunbooks.estate.Estate;
import io.mqrunbooks.estate.QueueManager;
import io.mqrunbooks.estate.QueueManagerKind;
import io.mqrunbooks.platform.security.CurrentUser;
import io.mqrunbooks.platform.security.Groups;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.http.HttpStatus;

/**
 * The lab page ({@code /lab}, docs/lab.md "Rehearsals"): the lab's hosts and queue managers as they are now,
 * and forms that call {@link LabControlController} to fail and restore a host, cut and restore a replication
 * link, suspend an RDQM HA node, make an RDQM HA replica fall behind, cut and restore a Native HA instance's replication, install an IBM MQ level on a
 * host and reset the estate. Lab profile, administrators only.
 */
@Controller
@Profile("lab")
public class LabPageController {

    private final LabControl control;
    private final Estate estate;

    public LabPageController(LabControl control, Estate estate) {
        this.control = control;
        this.estate = estate;
    }

    @GetMapping("/lab")
    public String page(HttpServletRequest request, Model model) {
        CurrentUser user = CurrentUser.of(request);
        if (!user.inAnyGroup(Groups.ADMINS)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "The lab page is for administrators (group "
                    + Groups.ADMINS + ")");
        }
        Map<String, Object> state = control.state();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> queueManagers = (List<Map<String, Object>>) state.get("queueManagers");
        model.addAttribute("user", user.userId());
        model.addAttribute("hosts", state.get("hosts"));
        model.addAttribute("queueManagers", queueManagers);
        model.addAttribute("replicatedQueueManagers", queueManagers.stream().filter(qm -> qm.get("drRole") != null)
                .map(qm -> (String) qm.get("name")).filter(Objects::nonNull).distinct().sorted().toList());
        model.addAttribute("versions", state.get("installableVersions"));
        model.addAttribute("haNodes", hostsOf(QueueManagerKind.RDQM_HA));
        model.addAttribute("haQueueManagers", estate.queueManagers().stream()
                .filter(q -> q.kind() == QueueManagerKind.RDQM_HA).map(QueueManager::name).toList());
        model.addAttribute("nativeHaQueueManagers", estate.queueManagers().stream()
                .filter(q -> q.kind() == QueueManagerKind.NATIVE_HA).map(QueueManager::name).toList());
        model.addAttribute("nativeHaHosts", hostsOf(QueueManagerKind.NATIVE_HA));
        model.addAttribute("crossRegionQueueManagers", estate.queueManagers().stream()
                .filter(q -> q.kind() == QueueManagerKind.NATIVE_HA && q.crossRegion() != null)
                .map(QueueManager::name).toList());
        return "lab";
    }

    private List<String> hostsOf(QueueManagerKind kind) {
        return estate.queueManagers().stream().filter(q -> q.kind() == kind).flatMap(q -> q.hosts().stream())
                .distinct().sorted().toList();
    }
}
