package io.mqrunbooks.adapter.outbound.mq.parse;

import io.mqrunbooks.mq.QmStatus;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.mqrunbooks.adapter.outbound.mq.parse.RdqmEnums.DrStatus;
import io.mqrunbooks.adapter.outbound.mq.parse.RdqmEnums.DrType;
import io.mqrunbooks.adapter.outbound.mq.parse.RdqmEnums.HaStatus;
import io.mqrunbooks.adapter.outbound.mq.parse.RdqmEnums.Role;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * rdqmstatus output. {@code rdqmstatus -m QM} gives {@link Form#DETAIL}: {@link #queueManager} for
 * this node plus, for HA groups, {@link #otherNodes}. Plain {@code rdqmstatus} gives
 * {@link Form#SUMMARY}: {@link #nodeFields} (kernel, DRBD) and {@link #queueManagers}. {@code rdqmstatus -n}
 * gives {@link Form#NODES}: {@link #nodesOnline}. {@link #warnings} name the unknown labels and values that
 * {@link RdqmStatusParser#read} kept as text (their typed field is then null); {@code parse} has none.
 */
public record RdqmStatusResult(Form form, String node, Map<String, String> nodeFields,
                               QueueManagerDetail queueManager, List<OtherNode> otherNodes,
                               List<SummaryEntry> queueManagers, Map<String, Boolean> nodesOnline,
                               List<String> warnings) {

    /** DETAIL: rdqmstatus -m QM; SUMMARY: rdqmstatus; NODES: rdqmstatus -n ("Node n is online"). */
    public enum Form { DETAIL, SUMMARY, NODES }

    public RdqmStatusResult {
        nodeFields = ordered(nodeFields);
        otherNodes = List.copyOf(otherNodes);
        queueManagers = List.copyOf(queueManagers);
        nodesOnline = Collections.unmodifiableMap(new LinkedHashMap<>(nodesOnline));
        warnings = List.copyOf(warnings);
    }

    /** The HA locations an HA or DR/HA queue manager prints, in the detail and in the summary. */
    public interface HaLocations {
        Map<String, String> fields();

        /** "HA current location:" (this node's view of where the queue manager runs), or null. */
        @JsonProperty("haCurrentLocation")
        default String haCurrentLocation() {
            return fields().get("HA current location");
        }

        /** "HA preferred location:", or null. */
        @JsonProperty("haPreferredLocation")
        default String haPreferredLocation() {
            return fields().get("HA preferred location");
        }
    }

    static Map<String, String> ordered(Map<String, String> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /**
     * The detailed status on this node. Typed fields are null when rdqmstatus did not print them (for
     * example CPU and out-of-sync data only appear on the node running the queue manager).
     */
    public record QueueManagerDetail(QmStatus status, Role drRole, DrStatus drStatus, DrType drType,
                                     Integer drPort, String drLocalIpAddress, List<String> drRemoteIpAddresses,
                                     String drCurrentRemoteIpAddress, Long drOutOfSyncBytes,
                                     Double drSynchronizationProgressPercent, String drEstimatedTimeToCompletion,
                                     Role haRole, HaStatus haStatus, Long haOutOfSyncBytes,
                                     Map<String, String> fields) implements HaLocations {
        public QueueManagerDetail {
            drRemoteIpAddresses = drRemoteIpAddresses == null ? null : List.copyOf(drRemoteIpAddresses);
            fields = ordered(fields);
        }

        @JsonIgnore
        public boolean isDrConfigured() {
            return drRole != null;
        }

        /**
         * The node that shows the DR status when this one prints {@code DR status: See <node>} (a DR/HA node where
         * the HA group runs the queue manager elsewhere), else null.
         */
        @JsonProperty("drStatusShownOn")
        public String drStatusShownOn() {
            String printed = fields.get("DR status");
            return drStatus == null && printed != null && printed.startsWith("See ") ? printed.substring(4) : null;
        }
    }

    /** Another node of an HA group, as listed after the detail. */
    public record OtherNode(String node, HaStatus haStatus, Long haOutOfSyncBytes, Map<String, String> fields) {
        public OtherNode {
            fields = ordered(fields);
        }
    }

    /** One queue manager of the summary. */
    public record SummaryEntry(String name, QmStatus status, Role drRole, Map<String, String> fields)
            implements HaLocations {
        public SummaryEntry {
            fields = ordered(fields);
        }
    }
}
