package io.mqrunbooks.adapter.outbound.mq.parse;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.mqrunbooks.mq.NameRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code crtmqm -rr s ...} command that {@code rdqmdr -d} and {@code crtmqm -rr p} print for the
 * DR secondary. It is parsed into validated parts and {@link #arguments()} rebuilds the command from
 * them, so the printed text itself never reaches a shell.
 */
public record SecondaryCrtmqmCommand(String queueManager, String haOption, String replicationType,
                                     List<String> localIpAddresses, List<String> remoteIpAddresses,
                                     String remoteName, int port, String fileSystemSize) {

    private static final Set<String> VALUE_OPTIONS = Set.of("-rr", "-rt", "-rl", "-ri", "-rn", "-rp", "-fs");
    private static final Set<String> FLAG_OPTIONS = Set.of("-sx", "-sxs");

    public SecondaryCrtmqmCommand {
        localIpAddresses = localIpAddresses == null ? List.of() : List.copyOf(localIpAddresses);
        remoteIpAddresses = List.copyOf(remoteIpAddresses);
    }

    /** Parses and validates one printed command line; refuses anything but a DR secondary crtmqm. */
    public static SecondaryCrtmqmCommand parse(String commandLine) {
        String text = commandLine.strip();
        if (!text.matches("[A-Za-z0-9 ._/%,:-]+")) {
            throw refuse(commandLine, "it holds characters that are not part of a crtmqm command");
        }
        List<String> tokens = Arrays.asList(text.split(" +"));
        if (!tokens.get(0).equals("crtmqm")) {
            throw refuse(commandLine, "it does not start with crtmqm");
        }
        if (tokens.size() < 2) {
            throw refuse(commandLine, "it names no queue manager");
        }
        String queueManager = tokens.get(tokens.size() - 1);
        NameRules.checkMqName(queueManager).ifPresent(problem -> {
            throw refuse(commandLine, "the queue manager name " + problem);
        });
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 1; i < tokens.size() - 1; i++) {
            String option = tokens.get(i);
            if (options.containsKey(option)) {
                throw refuse(commandLine, "option " + option + " is given twice");
            }
            if (FLAG_OPTIONS.contains(option)) {
                options.put(option, "");
            } else if (VALUE_OPTIONS.contains(option)) {
                if (i + 1 >= tokens.size() - 1) {
                    throw refuse(commandLine, "option " + option + " has no value");
                }
                options.put(option, tokens.get(++i));
            } else {
                throw refuse(commandLine, "'" + option + "' is not an option rdqmdr/crtmqm prints for a DR secondary"
                        + " (expected -rr -rt -rl -ri -rn -rp -fs -sx -sxs)");
            }
        }
        if (!"s".equals(options.get("-rr"))) {
            throw refuse(commandLine, "it does not create a DR secondary (-rr s)");
        }
        if (options.containsKey("-sx") && options.containsKey("-sxs")) {
            throw refuse(commandLine, "-sx and -sxs together");
        }
        String haOption = options.containsKey("-sx") ? "-sx" : options.containsKey("-sxs") ? "-sxs" : null;
        String type = options.get("-rt");
        if (type != null && !type.equals("a") && !type.equals("s")) {
            throw refuse(commandLine, "-rt must be a or s");
        }
        if (!options.containsKey("-ri")) {
            throw refuse(commandLine, "no -ri (the remote DR IP address)");
        }
        if (!options.containsKey("-rp")) {
            throw refuse(commandLine, "no -rp (the DR port)");
        }
        List<String> local = options.containsKey("-rl") ? ips(commandLine, "-rl", options.get("-rl")) : List.of();
        List<String> remote = ips(commandLine, "-ri", options.get("-ri"));
        String remoteName = options.get("-rn");
        if (remoteName != null) {
            NameRules.checkHostName(remoteName).ifPresent(problem -> {
                throw refuse(commandLine, "-rn " + problem);
            });
        }
        String portText = options.get("-rp");
        if (!portText.matches("\\d{1,5}") || NameRules.checkPort(Integer.parseInt(portText)).isPresent()) {
            throw refuse(commandLine, "-rp " + portText + " is not a port (1-65535)");
        }
        String size = options.get("-fs");
        if (size != null && !size.matches("\\d{1,7}[MG]?")) {
            throw refuse(commandLine, "-fs " + size + " is not a file system size such as 3072M");
        }
        return new SecondaryCrtmqmCommand(queueManager, haOption, type, local, remote, remoteName,
                Integer.parseInt(portText), size);
    }

    private static List<String> ips(String commandLine, String option, String value) {
        List<String> list = Arrays.asList(value.split(",", -1));
        for (String ip : list) {
            if (!ip.matches("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)")) {
                throw refuse(commandLine, option + " '" + ip + "' is not an IPv4 address");
            }
        }
        return list;
    }

    private static MqOutputParseException refuse(String commandLine, String why) {
        return new MqOutputParseException("refusing the printed secondary command '"
                + MqOutputParseException.quote(commandLine.strip()) + "': " + why);
    }

    /** The command rebuilt from validated parts, one argument per element, for a remote command runner. */
    @JsonProperty("arguments")
    public List<String> arguments() {
        List<String> args = new ArrayList<>(List.of("crtmqm"));
        if (haOption != null) {
            args.add(haOption);
        }
        args.addAll(List.of("-rr", "s"));
        if (replicationType != null) {
            args.addAll(List.of("-rt", replicationType));
        }
        if (!localIpAddresses.isEmpty()) {
            args.addAll(List.of("-rl", String.join(",", localIpAddresses)));
        }
        args.addAll(List.of("-ri", String.join(",", remoteIpAddresses)));
        if (remoteName != null) {
            args.addAll(List.of("-rn", remoteName));
        }
        args.addAll(List.of("-rp", Integer.toString(port)));
        if (fileSystemSize != null) {
            args.addAll(List.of("-fs", fileSystemSize));
        }
        args.add(queueManager);
        return List.copyOf(args);
    }
}
