package dev.jakartamcp.security;

import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The few plain pages of sign-in: access denied, provider unreachable, a sign-in that expired. */
public final class AuthPage {

    private AuthPage() {
    }

    static void accessDenied(HttpServletResponse response, String detail) throws IOException {
        write(response, 403, "Access denied", "The identity provider did not let you sign in to this application ("
                + detail + "). Ask for access, or sign in as someone else.");
    }

    static void unreachable(HttpServletResponse response) throws IOException {
        response.setHeader("Retry-After", "30");
        write(response, 503, "Identity provider unreachable",
                "The identity provider cannot be reached right now, so nobody can sign in. Try again in a moment.");
    }

    static void expired(HttpServletResponse response) throws IOException {
        write(response, 400, "Sign-in expired", "This sign-in was not started here, was already used, or took too long.");
    }

    public static void write(HttpServletResponse response, int status, String title, String message) throws IOException {
        String html = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title)
                + "</title><link rel=\"stylesheet\" href=\"/chat.css\"></head>\n<body class=\"auth-page\"><main><h1 id=\"auth-title\">"
                + escape(title) + "</h1><p id=\"auth-message\">" + escape(message)
                + "</p><p><a href=\"/auth/login\">Sign in</a> · <a href=\"/\">Back to the chat</a></p></main></body></html>\n";
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Content-Security-Policy", "default-src 'self'");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
