package dev.jakartamcp.mcp.server.boundary;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The JAX-RS application's path below the context root, e.g. "mcp": it names the endpoint. A server
 * has a handful of (base path, context path) pairs, so each is worked out once.
 */
final class EndpointPaths {

    private static final int MAX_CACHED = 64;
    private static final ConcurrentHashMap<String, String> CACHE = new ConcurrentHashMap<>();

    private EndpointPaths() {
    }

    static String of(String basePath, String contextPath) {
        String key = contextPath + '\n' + basePath;
        String cached = CACHE.get(key);
        if (cached != null) {
            return cached;
        }
        String path = basePath.startsWith(contextPath) ? basePath.substring(contextPath.length()) : basePath;
        int from = 0;
        int to = path.length();
        while (from < to && path.charAt(from) == '/') from++;
        while (to > from && path.charAt(to - 1) == '/') to--;
        String endpoint = path.substring(from, to);
        if (CACHE.size() < MAX_CACHED) {
            CACHE.put(key, endpoint);
        }
        return endpoint;
    }
}
