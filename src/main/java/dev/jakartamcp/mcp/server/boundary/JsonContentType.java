package dev.jakartamcp.mcp.server.boundary;

import java.util.Locale;

/** Whether a Content-Type is application/json: parameters are fine, wildcards and other types are not. */
public final class JsonContentType {

    private JsonContentType() {
    }

    public static boolean matches(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
        return type.toLowerCase(Locale.ROOT).equals("application/json");
    }
}
