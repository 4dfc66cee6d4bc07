package dev.tradewind.platform.audit;

/**
 * Security event names in the audit trail. Compliance queries switch on these, so never rename one;
 * modules add their own actions as constants next to the code that records them.
 */
public final class AuditActions {
    public static final String REGISTER = "REGISTER";
    public static final String LOGIN_SUCCESS = "LOGIN_SUCCESS";
    public static final String LOGIN_FAILURE = "LOGIN_FAILURE";
    public static final String TOKEN_REFRESH = "TOKEN_REFRESH";
    public static final String REFRESH_TOKEN_REUSE = "REFRESH_TOKEN_REUSE";
    public static final String PERMISSION_DENIED = "PERMISSION_DENIED";
    public static final String AUTHENTICATION_FAILED = "AUTHENTICATION_FAILED";
    public static final String ADMIN_BOOTSTRAPPED = "ADMIN_BOOTSTRAPPED";

    private AuditActions() {
    }
}
