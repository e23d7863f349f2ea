package dev.jakartamcp.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which Host headers this application answers. A page on another site that rebinds its own DNS
 * name to this server's address (DNS rebinding) still sends its own name as Host, so a Host that
 * is not ours is refused on every path. {@code app.allowed-hosts} (comma-separated names, port
 * ignored; {@code *} allows all) replaces the default: the host of {@code app.base-url} and the
 * loopback names.
 */
@ApplicationScoped
public class HostPolicy {

    static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "::1");

    @Inject
    @ConfigProperty(name = "app.allowed-hosts")
    Optional<String> allowedHosts;

    @Inject
    PublicUrl publicUrl;

    private Set<String> allowed;
    private boolean any;

    @PostConstruct
    void init() {
        Set<String> hosts = new HashSet<>();
        allowedHosts.ifPresentOrElse(list -> Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(h -> h.toLowerCase(Locale.ROOT)).forEach(hosts::add), () -> {
            hosts.addAll(LOOPBACK);
            hosts.add(publicUrl.host());
        });
        any = hosts.remove("*");
        allowed = Set.copyOf(hosts);
    }

    /** A request without Host (HTTP/1.0, no browser sends that) is allowed: it cannot come from a rebinding page. */
    public boolean allows(String hostHeader) {
        if (hostHeader == null || any) {
            return true;
        }
        String name = nameOf(hostHeader.trim());
        return name != null && allowed.contains(name.toLowerCase(Locale.ROOT));
    }

    /** The name of a Host header without its port; IPv6 literals lose their brackets. Null when malformed. */
    static String nameOf(String host) {
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end < 0 ? null : host.substring(1, end);
        }
        int colon = host.indexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }
}
