package io.mqrunbooks.application.dractivation;

import io.mqrunbooks.application.port.out.mq.ObjectCommand;
import io.mqrunbooks.mq.MqscDefinitions;
import io.mqrunbooks.mq.MqscObject;
import io.mqrunbooks.mq.MqscParser;
import io.mqrunbooks.application.port.out.MqAdminPort;
import io.mqrunbooks.estate.ChannelPartner;
import io.mqrunbooks.estate.Estate;
import io.mqrunbooks.mq.ChannelStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * The channel partners of seed 000's DR appendix: what each partner is told, then the backup's sender
 * channels repointed to the DR CONNAME (only where it differs), started, and checked with DISPLAY CHSTATUS.
 */
@Service
public class PartnerChannels {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    private static final Set<String> PLACEHOLDERS = Set.of("backupHost", "drConname", "channel", "queueManager",
            "incident");

    private final Estate estate;
    private final MqAdminPort admin;

    public PartnerChannels(Estate estate, MqAdminPort admin) {
        this.estate = estate;
        this.admin = admin;
    }

    public List<PartnerTask> tasks(ActivationTarget target, String incident) {
        return estate.partnersOf(target.primaryQueueManager()).stream().map(p -> {
            String ticket = ticket(p, target, incident);
            String summary = "Partner: " + p.partner() + "\nContact: " + p.contact() + "\nChannel: " + p.channel()
                    + " (sender on " + target.backupLabel() + ")\nDR CONNAME: " + p.drConname()
                    + "\nFirewall ticket: " + ticket;
            return new PartnerTask(p.partner(), p.contact(), p.channel(), p.drConname(), ticket, summary);
        }).toList();
    }

    /** The partner's firewall ticket template with every placeholder filled; an unknown one is an error. */
    static String ticket(ChannelPartner partner, ActivationTarget target, String incident) {
        Matcher matcher = PLACEHOLDER.matcher(partner.firewallTicketTemplate());
        StringBuilder ticket = new StringBuilder();
        while (matcher.find()) {
            String value = switch (matcher.group(1)) {
                case "backupHost" -> target.backupAddress();
                case "drConname" -> partner.drConname();
                case "channel" -> partner.channel();
                case "queueManager" -> target.backupQueueManager();
                case "incident" -> incident;
                default -> throw new IllegalArgumentException("The firewall ticket template of channel "
                        + partner.channel() + " has an unknown placeholder {" + matcher.group(1) + "}; known: "
                        + String.join(", ", new java.util.TreeSet<>(PLACEHOLDERS)));
            };
            matcher.appendReplacement(ticket, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(ticket);
        return ticket.toString();
    }

    /**
     * ALTER CHANNEL ... CONNAME where the backup's sender differs from the DR CONNAME, then START CHANNEL for
     * each sender that is not already running. The backup's definitions come from its own export.
     */
    public Repointing repointAndStart(ActivationTarget target, List<String> channels) {
        MqscDefinitions backup = MqscParser.parse(admin.exportDefinitions(target.backupQueueManager()));
        List<String> done = new ArrayList<>();
        List<String> transmissionQueues = new ArrayList<>();
        for (ChannelPartner partner : partners(target, channels)) {
            MqscObject sender = backup.channel(partner.channel()).orElse(null);
            if (sender == null || !"SDR".equals(sender.value("CHLTYPE"))) {
                throw new IllegalStateException("Sender channel " + partner.channel() + " is not defined on "
                        + target.backupLabel() + (sender == null ? "" : " (it is CHLTYPE " + sender.value("CHLTYPE") + ")"));
            }
            String conname = sender.value("CONNAME");
            if (partner.drConname().equals(conname)) {
                done.add(partner.channel() + ": CONNAME already " + conname);
            } else {
                admin.alterSenderConname(target.backupQueueManager(), partner.channel(), partner.drConname());
                done.add(partner.channel() + ": ALTER CHANNEL CONNAME('" + partner.drConname() + "') (was '" + conname + "')");
            }
            String xmitq = sender.value("XMITQ");
            if (xmitq != null && !xmitq.isBlank()) {
                transmissionQueues.add(xmitq);
            }
            List<ChannelStatus> now = admin.channelStatus(target.backupQueueManager(), partner.channel());
            if (now.stream().anyMatch(ChannelStatus::isRunning)) {
                done.add(partner.channel() + ": already RUNNING");
            } else if (now.stream().anyMatch(s -> s.state().isStarted())) {
                // MQ would refuse a START (AMQ9514E, in use); the status check after this step waits for RUNNING.
                done.add(partner.channel() + ": START CHANNEL not sent, the channel is already started: STATUS("
                        + now.stream().map(ChannelStatus::status).distinct().collect(Collectors.joining("/")) + ")");
            } else {
                admin.run(target.backupQueueManager(), ObjectCommand.START_CHANNEL, partner.channel());
                done.add(partner.channel() + ": START CHANNEL");
            }
        }
        return new Repointing(done, transmissionQueues);
    }

    /** DISPLAY CHSTATUS of each channel: MQ's status word, or "no status" when the channel has none. */
    public Map<String, String> statuses(ActivationTarget target, List<String> channels) {
        Map<String, String> statuses = new LinkedHashMap<>();
        for (String channel : channels) {
            List<ChannelStatus> status = admin.channelStatus(target.backupQueueManager(), channel);
            statuses.put(channel, status.isEmpty() ? "no status"
                    : status.stream().anyMatch(ChannelStatus::isRunning) ? "RUNNING" : status.get(0).status());
        }
        return statuses;
    }

    private List<ChannelPartner> partners(ActivationTarget target, List<String> channels) {
        List<ChannelPartner> partners = estate.partnersOf(target.primaryQueueManager());
        return channels.stream().map(c -> partners.stream().filter(p -> p.channel().equals(c)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Channel " + c + " is not a partner channel of "
                        + target.primaryQueueManager() + " in the inventory"))).toList();
    }

    public record PartnerTask(String partner, String contact, String channel, String drConname, String firewallTicket,
                              String summary) {
    }

    public record Repointing(List<String> done, List<String> transmissionQueues) {
    }
}
