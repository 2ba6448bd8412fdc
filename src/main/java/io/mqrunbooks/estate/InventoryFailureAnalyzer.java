package io.mqrunbooks.estate;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a bad or missing inventory into Spring Boot's short start-up report instead of a stack trace. */
public class InventoryFailureAnalyzer extends AbstractFailureAnalyzer<InventoryException> {

    static final String FIX_ACTION = "Correct the inventory file and start again."
            + " docs/inventory.md describes the format and every validation rule.";
    static final String SET_ACTION = "Set mqrunbooks.inventory (environment MQRUNBOOKS_INVENTORY) to your"
            + " estate YAML file, or classpath:... for a resource. docs/inventory.md describes the format.";

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InventoryException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.source() == null ? SET_ACTION : FIX_ACTION, cause);
    }
}
