package io.leakwatch.app.http;

import java.util.Locale;

/**
 * Who a bearer token speaks for. Each route names the roles it admits ({@link Access}); {@code ADMIN} is admitted
 * wherever a route admits anyone, so one admin token opens the whole console (the demo's).
 */
public enum Role {
    /** The operations centre: the console, alerts, cohort and sender views. */
    NOC,
    /** The regulator's feed: {@code /alerts} and {@code /alerts/stream}, nothing else. */
    REGULATOR,
    /** Operators of LeakWatch itself: everything, and the changing endpoints (rules, subscriber deletion). */
    ADMIN;

    /** {@code noc}, {@code regulator} or {@code admin}, any case. */
    public static Role parse(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown role '" + name + "'; known roles: noc, regulator, admin", e);
        }
    }
}
