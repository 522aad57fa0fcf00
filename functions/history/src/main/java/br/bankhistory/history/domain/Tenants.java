package br.bankhistory.history.domain;

import java.util.regex.Pattern;

/** The one rule for what a tenant id (and a user id in an S3 key) may look like. */
public final class Tenants {

    private static final Pattern TENANT = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,127}");

    private Tenants() {
    }

    public static boolean isValidTenant(String value) {
        return value != null && TENANT.matcher(value).matches();
    }

    public static boolean isValidUserId(String value) {
        return value != null && USER.matcher(value).matches() && !value.contains("..");
    }
}
