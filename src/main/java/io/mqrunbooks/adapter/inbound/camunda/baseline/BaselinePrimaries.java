package io.mqrunbooks.adapter.inbound.camunda.baseline;

import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Component;

/** The multi-instance collection of drBaselineProcess: {@code ${baselinePrimaries.of(primaries)}}. */
@Component("baselinePrimaries")
public class BaselinePrimaries {

    public List<String> of(String primaries) {
        return primaries == null || primaries.isBlank() ? List.of() : Arrays.asList(primaries.split(","));
    }
}
