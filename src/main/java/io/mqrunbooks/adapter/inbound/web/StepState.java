package io.mqrunbooks.adapter.inbound.web;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a step of a run stands, as the run page colours it. */
enum StepState {
    DONE, RUNNING, WAITING, FAILED;

    /** The word the page shows, its stylesheet colours by and the progress JSON gives. */
    @JsonValue
    String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
