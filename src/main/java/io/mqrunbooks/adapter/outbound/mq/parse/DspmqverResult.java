package io.mqrunbooks.adapter.outbound.mq.parse;

import io.mqrunbooks.mq.MqVersion;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** dspmqver: one block per installation (more with {@code -i}), and the count of other installations noted. */
public record DspmqverResult(List<Installation> installations, Integer otherInstallationsNotShown) {

    public DspmqverResult {
        installations = List.copyOf(installations);
    }

    /** One Name/Version/Level/... block; every printed field kept in order. */
    public record Installation(String name, MqVersion version, String level, String installationName,
                               String installationPath, Integer maxCommandLevel, Map<String, String> fields) {
        public Installation {
            fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }
    }
}
