package io.mqrunbooks.platform.security;

/** The Camunda groups the product's roles map to (RUNBOOKS.md "Who uses it"). */
public final class Groups {

    /** Start runbooks and work operational user tasks. */
    public static final String OPERATORS = "mq-operators";
    /** Work approval gates; never on a run they started (four-eyes). */
    public static final String CHANGE_MANAGERS = "change-managers";
    /** Read history and reports; change nothing. */
    public static final String AUDITORS = "auditors";
    /** Camunda's administrators group. */
    public static final String ADMINS = "camunda-admin";

    private Groups() {
    }
}
