package io.mqrunbooks.lab.control;

import io.mqrunbooks.platform.security.CurrentUser;
import io.mqrunbooks.platform.security.Groups;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

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

    /**
     * Every control but {@code /state}, by its path below {@code /lab/control}: the HTTP method it answers (POST
     * changes the lab, GET reads it) and what it does with the request's parameters.
     */
    private final Map<String, Control> controls;

    public LabControlController(LabControl control) {
        this.control = control;
        this.controls = Map.ofEntries(
                post("reset", p -> control.reset()),
                post("faults/host-down", p -> control.hostDown(p.required("host"))),
                post("faults/host-up", p -> control.hostUp(p.required("host"))),
                post("faults/clear", p -> control.clearFaults()),
                post("mq/fail-host", p -> control.failHost(p.required("host"))),
                post("mq/recover-host", p -> control.recoverHost(p.required("host"))),
                post("mq/cut-link", p -> control.cutLink(p.required("qm"))),
                post("mq/restore-link", p -> control.restoreLink(p.required("qm"))),
                post("mq/suspend-ha-node", p -> control.suspendHaNode(p.required("host"))),
                post("mq/ha-replica-behind", p -> control.haReplicaBehind(p.required("host"), p.required("qm"),
                        p.count("kb"))),
                post("mq/hold-channel-status", p -> control.holdChannelStatus(p.required("host"), p.required("qm"),
                        p.required("channel"), p.required("status"))),
                post("mq/release-channel-status", p -> control.holdChannelStatus(p.required("host"),
                        p.required("qm"), p.required("channel"), null)),
                post("mq/cut-native-ha-link", p -> control.nativeHaLink(p.required("host"), p.required("qm"), false)),
                post("mq/restore-native-ha-link", p -> control.nativeHaLink(p.required("host"), p.required("qm"),
                        true)),
                post("mq/cut-cross-region-link", p -> control.crossRegionLink(p.required("qm"), false)),
                post("mq/restore-cross-region-link", p -> control.crossRegionLink(p.required("qm"), true)),
                post("mq/restore-media", p -> control.restoreMedia(p.required("host"), p.required("qm"))),
                post("mq/install-version", p -> control.installVersion(p.required("host"), p.required("version"))),
                post("mq/put-messages", p -> control.putMessages(p.required("host"), p.required("qm"),
                        p.required("queue"), p.count("count"), p.flag("persistent", false))),
                get("mq/queue-depth", p -> control.queueDepth(p.required("host"), p.required("qm"),
                        p.required("queue"))),
                get("journal/count", p -> control.journalCount()));
    }

    /** One control: the method it answers and its action. */
    private record Control(RequestMethod method, Function<Parameters, Object> action) {
    }

    private static Map.Entry<String, Control> post(String path, Function<Parameters, Object> action) {
        return Map.entry(path, new Control(RequestMethod.POST, action));
    }

    private static Map.Entry<String, Control> get(String path, Function<Parameters, Object> action) {
        return Map.entry(path, new Control(RequestMethod.GET, action));
    }

    @RequestMapping(path = {"/{name}", "/{group}/{name}"}, method = {RequestMethod.GET, RequestMethod.POST})
    public String run(HttpServletRequest request, @PathVariable(name = "group", required = false) String group,
                      @PathVariable("name") String name, @RequestParam MultiValueMap<String, String> query) {
        Parameters parameters = allow(request, query);
        String path = group == null ? name : group + "/" + name;
        Control found = controls.get(path);
        if (found == null) {
            throw new ResponseStatusException(HttpStatusCode.valueOf(404), "no lab control '" + path + "'");
        }
        if (!found.method().name().equals(request.getMethod())) {
            throw new ResponseStatusException(HttpStatusCode.valueOf(405), "the lab control '" + path + "' takes " + found.method());
        }
        return line(found.action().apply(parameters));
    }

    @GetMapping(path = "/state", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> state(HttpServletRequest request, @RequestParam MultiValueMap<String, String> query) {
        allow(request, query);
        return control.state();
    }

    /** A refusal of the lab (LabControl) or of this controller: its status, and its reason as the one line. */
    @ExceptionHandler(ResponseStatusException.class)
    public ResponseEntity<String> refused(ResponseStatusException e) {
        return answer(e.getStatusCode().value(), e.getReason());
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
     * Administrators only. That a change comes from this application's own pages, not another site's, is checked
     * before any controller ({@code SameOriginRequests}).
     */
    private static Parameters allow(HttpServletRequest request, MultiValueMap<String, String> query) {
        CurrentUser user = CurrentUser.of(request);
        if (!user.inAnyGroup(Groups.ADMINS)) {
            throw new ResponseStatusException(HttpStatusCode.valueOf(403), "the lab controls are for administrators (group " + Groups.ADMINS
                    + "); " + user.userId() + " is not one");
        }
        return new Parameters(query);
    }

    /** The query parameters of a request, each given at most once. */
    record Parameters(MultiValueMap<String, String> values) {

        Parameters {
            values.forEach((name, given) -> {
                if (given.size() > 1) {
                    throw new ResponseStatusException(HttpStatusCode.valueOf(400), "parameter '" + name + "' is given more than once");
                }
            });
        }

        String required(String name) {
            List<String> given = values.get(name);
            if (given == null || given.get(0) == null || given.get(0).isBlank()) {
                throw new ResponseStatusException(HttpStatusCode.valueOf(400), "missing parameter '" + name + "'");
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
            throw new ResponseStatusException(HttpStatusCode.valueOf(400), "parameter '" + name + "' must be a whole number of 0 or more, not '"
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
                default -> throw new ResponseStatusException(HttpStatusCode.valueOf(400), "parameter '" + name + "' must be true or false, not '"
                        + value + "'");
            };
        }
    }
}
