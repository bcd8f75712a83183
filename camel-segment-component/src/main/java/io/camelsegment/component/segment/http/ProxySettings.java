package io.camelsegment.component.segment.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The HTTP proxy the component goes through (options {@code proxyHost}, {@code proxyPort}, {@code proxyUsername},
 * {@code proxyPassword}, {@code nonProxyHosts}). Part of the key that decides which endpoints share an HTTP client;
 * its {@link #toString()} never shows the password.
 *
 * @param host          proxy host, null for no proxy
 * @param port          proxy port
 * @param username      user for proxy authentication (Basic), or null
 * @param password      password for proxy authentication, or null
 * @param nonProxyHosts hosts reached directly, as the JVM's {@code http.nonProxyHosts}: patterns separated by
 *                      {@code |} (or {@code ,}), each a host name or address with an optional {@code *} at its start
 *                      or end; matched case-insensitively
 */
public record ProxySettings(String host, int port, String username, String password, String nonProxyHosts) {

    public static final ProxySettings NONE = new ProxySettings(null, 0, null, null, null);

    public boolean isSet() {
        return host != null && !host.isBlank();
    }

    public boolean hasCredentials() {
        return username != null && !username.isBlank();
    }

    /** Checks the options against each other; fails at endpoint creation, not at the first request. */
    public void validate() {
        if (!isSet()) {
            if (hasCredentials() || password != null || nonProxyHosts != null) {
                throw new IllegalArgumentException("proxyUsername, proxyPassword and nonProxyHosts need proxyHost");
            }
            return;
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("proxyPort must be between 1 and 65535 when proxyHost is set, was "
                                               + port);
        }
        if (password != null && !hasCredentials()) {
            throw new IllegalArgumentException("proxyPassword needs proxyUsername");
        }
    }

    /** Whether the host must be reached without the proxy (it matches a nonProxyHosts pattern). */
    public boolean bypasses(String targetHost) {
        if (nonProxyHosts == null || targetHost == null) {
            return false;
        }
        String target = targetHost.toLowerCase(Locale.ROOT);
        for (String pattern : patterns()) {
            if (pattern.equals("*")
                || pattern.startsWith("*") && target.endsWith(pattern.substring(1))
                || pattern.endsWith("*") && target.startsWith(pattern.substring(0, pattern.length() - 1))
                || target.equals(pattern)) {
                return true;
            }
        }
        return false;
    }

    private List<String> patterns() {
        List<String> patterns = new ArrayList<>();
        for (String part : nonProxyHosts.split("[|,]")) {
            String p = part.trim().toLowerCase(Locale.ROOT);
            if (!p.isEmpty()) {
                patterns.add(p);
            }
        }
        return patterns;
    }

    @Override
    public String toString() {
        // Never the password; the user name only as set/unset.
        return isSet() ? "proxy " + host + ":" + port + (hasCredentials() ? " (authenticated)" : "")
                         + (nonProxyHosts != null ? ", not for " + nonProxyHosts : "")
                : "no proxy";
    }
}
