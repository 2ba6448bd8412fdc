package io.mqrunbooks.lab.control;

import io.mqrunbooks.platform.security.CurrentUser;
import io.mqrunbooks.platform.security.Groups;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The lab's controls over HTTP at {@code /lab/control/...} (docs/lab.md "Rehearsals", docs/lab-standalone.md
 * "Control endpoint"): in the app's lab profile only, for administrators. The standalone lab serves the same
 * controller ({@link LabControlWebServer}). Parameters are query (or form) parameters; answers one line of
 * text, JSON for {@code /state}; a refusal names what is wrong.
 */
@RestController
@Profile("lab")
@RequestMapping(path = "/lab/control", produces = LabControlController.TEXT)
public class LabControlController {

    static final String TEXT = "text/plain;charset=UTF-8";

    private final LabControl control;

    public LabControlController(LabControl control) {
        this.control = control;
    }

    @PostMapping("/reset")
    public String reset(HttpServletRequest request, @RequestParam MultiValueMap<String, String> query) {
        allow(request, query);
        return line(control.reset());
    }

    @PostMapping("/faults/host-down")
    public String hostDown(HttpServletRequest request, @RequestParam MultiValueMap<String, String> query) {
        return line(control.hostDown(allow(request, query).required("host")));
    }

    @PostMapping("/faults/host-up")
    public String hostUp(HttpServletRequest request, @RequestParam MultiValueMap<String, String> query) {
        return line(control.hostUp(allow(request, query).required("host")));
    }

    @PostMapping("/faults/clear")
    public String clearFaults(HttpServletRequest request, @RequestParam MultiValueMap<String, String> query) {
        allow(request, query);
        return line(control.clearFaults());
    }

    @PostMapping("/mq/fail-host")
    public String failHost(HttpServletRequest request, @RequestParam MultiValueMap<String, String> query) {
        return line(control.failHost(allow(request, query).required("host")));
    }

    @PostMapping("/mq/recover-host")
    public String recoverHost(HttpServletRequest request, @RequestParam MultiValueMap<String, String> query) {
        return line(control.recoverHost(allow(request, query).required("host")));
    }

    @PostMapping("/mq/cut-link")
    public String cutLink(HttpServletRequest request, @RequestParam MultiValueMap<String, String> query) {
        return line(control.cutLink(allow(request, query).required("qm")));
    }

    @PostMapping("/mq/restore-link")
    public String restoreLink(HttpServletRequest request, @RequestParam MultiValueMap<String, String> query) {
        return line(control.restoreLink(allow(request, query).required("qm")));
    }

    @PostMapping("/mq/suspend-ha-node")
    public String suspendHaNode(HttpServletRequest request, @RequestParam MultiValueMap<String, String> query) {
        return line(control.suspendHaNode(allow(request, query).required("host")));
    }

    @PostMapping("/mq/ha-replica-behind")
    public String haReplicaBehind(HttpServletRequest request, @RequestParam MultiValueMap<String, String> query) {
        Parameters params = allow(request, query);
        return line(control.haReplicaBehind(params.required("host"), params.required("qm"), params.count("kb")));
    }

    @PostMapping("/mq/hold-channel-status")
    public String holdChannelStatus(HttpServletRequest request, @RequestParam MultiValueMap<String, String> query) {
        Parameters p = allow(request, query);
        return line(control.holdChannelStatus(p.required("host"), p.required("qm"), p.required("channel"),
                p.required("status")));
    }

    @PostMapping("/mq/release-channel-status")
    public String releaseChannelStatus(HttpServletRequest request, @RequestParam MultiValueMap<String, String> query) {
        Parameters p = allow(request, query);
        return line(control.holdChannelStatus(p.required("host"), p.required("qm"), p.required("channel"), null));
    }

    @PostMapping("/mq/cut-native-ha-link")
    public String cutNativeHaLink(HttpServletRequest request, @RequestParam MultiValueMap<String, String> query) {
        Parameters params = allow(request, query);
        return line(control.nativeHaLink(params.required("host"), params.required("qm"), false));
    }

    @PostMapping("/mq/restore-native-ha-link")
    public String restoreNativeHaLink(HttpServletRequest request, @RequestParam MultiValueMap<String, String> query) {
        Parameters params = allow(request, query);
        return line(control.nativeHaLink(params.required("host"), params.required("qm"), true));
    }

    @PostMapping("/mq/cut-cross-region-link")
    public String cutCrossRegionLink(HttpServletRequest request, @RequestParam MultiValueMap<String, String> query) {
        return line(control.crossRegionLink(allow(request, query).required("qm"), false));
    }

    @PostMapping("/mq/restore-cross-region-link")
    public String restoreCrossRegionLink(HttpServletRequest request,
                                         @RequestParam MultiValueMap<String, String> query) {
        return line(control.crossRegionLink(allow(request, query).required("qm"), true));
    }

    @PostMapping("/mq/restore-media")
    public String restoreMedia(HttpServletRequest request, @RequestParam MultiValueMap<String, String> query) {
        Parameters p = allow(request, query);
        return line(control.restoreMedia(p.required("host"), p.required("qm")));
    }

    @PostMapping("/mq/install-version")
    public String installVersion(HttpServletRequest request, @RequestParam MultiValueMap<String, String> query) {
        Parameters p = allow(request, query);
        return line(control.installVersion(p.required("host"), p.required("version")));
    }

    @PostMapping("/mq/put-messages")
    public String putMessages(HttpServletRequest request, @RequestParam MultiValueMap<String, String> query) {
        Parameters p = allow(request, query);
        return line(control.putMessages(p.required("host"), p.required("qm"), p.required("queue"), p.count("count"),
                p.flag("persistent", false)));
    }

    @GetMapping("/mq/queue-depth")
    public String queueDepth(HttpServletRequest request, @RequestParam MultiValueMap<String, String> query) {
        Parameters p = allow(request, query);
        return line(control.queueDepth(p.required("host"), p.required("qm"), p.required("queue")));
    }

    @GetMapping(path = "/state", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> state(HttpServletRequest request, @RequestParam MultiValueMap<String, String> query) {
        allow(request, query);
        return control.state();
    }

    @GetMapping("/journal/count")
    public String journalCount(HttpServletRequest request, @RequestParam MultiValueMap<String, String> query) {
        allow(request, query);
        return line(control.journalCount());
    }

    @ExceptionHandler(LabControlException.class)
    public ResponseEntity<String> refused(LabControlException e) {
        return answer(e.status(), e.getMessage());
    }

    /** The simulated MQ refuses a value it does not know (an MQ level it cannot install). */
    @ExceptionHandler(IllegalArgumentException.class)
    public ResponseEntity<String> badValue(IllegalArgumentException e) {
        return answer(400, e.getMessage());
    }

    /** The simulated MQ refuses the request in its present state ("Queue manager 'QMDR' is not running"). */
    @ExceptionHandler(IllegalStateException.class)
    public ResponseEntity<String> notNow(IllegalStateException e) {
        return answer(409, e.getMessage());
    }

    private static ResponseEntity<String> answer(int status, String message) {
        return ResponseEntity.status(status).contentType(MediaType.parseMediaType(TEXT)).body(line(message));
    }

    private static String line(Object text) {
        return String.valueOf(text).replace('\n', ' ') + "\n";
    }

    /**
     * Administrators only. A change must come from this application's own pages (or a client that is not a
     * browser): the webapp session cookie would otherwise let another site fail a host for a logged-in admin.
     */
    private static Parameters allow(HttpServletRequest request, MultiValueMap<String, String> query) {
        CurrentUser user = CurrentUser.of(request);
        if (!user.inAnyGroup(Groups.ADMINS)) {
            throw new LabControlException(403, "the lab controls are for administrators (group " + Groups.ADMINS
                    + "); " + user.userId() + " is not one");
        }
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (!"GET".equals(request.getMethod()) && ("cross-site".equals(fetchSite) || "same-site".equals(fetchSite))) {
            throw new LabControlException(403, "a lab control is accepted only from this application's own pages");
        }
        return new Parameters(query);
    }

    /** The query parameters of a request, each given at most once. */
    record Parameters(MultiValueMap<String, String> values) {

        Parameters {
            values.forEach((name, given) -> {
                if (given.size() > 1) {
                    throw new LabControlException(400, "parameter '" + name + "' is given more than once");
                }
            });
        }

        String required(String name) {
            List<String> given = values.get(name);
            if (given == null || given.get(0) == null || given.get(0).isBlank()) {
                throw new LabControlException(400, "missing parameter '" + name + "'");
            }
            return given.get(0);
        }

        int count(String name) {
            String value = required(name);
            try {
                int count = Integer.parseInt(value);
                if (count >= 0) {
                    return count;
                }
            } catch (NumberFormatException e) {
                // answered below
            }
            throw new LabControlException(400, "parameter '" + name + "' must be a whole number of 0 or more, not '"
                    + value + "'");
        }

        boolean flag(String name, boolean absent) {
            String value = values.getFirst(name);
            if (value == null) {
                return absent;
            }
            return switch (value) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new LabControlException(400, "parameter '" + name + "' must be true or false, not '"
                        + value + "'");
            };
        }
    }
}
