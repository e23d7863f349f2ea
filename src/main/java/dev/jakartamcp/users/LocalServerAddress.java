package dev.jakartamcp.users;

import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpServletRequest;

import java.net.URI;

/**
 * Learns this server's own HTTP port and context path from the first request, because nothing
 * portable tells an application its port at start-up (Payara Micro may pick a random one).
 * The embedded user service is then reached at http://localhost:PORT/CONTEXT/.
 */
@WebListener
public class LocalServerAddress implements ServletRequestListener {

    private static volatile URI base;

    @Override
    public void requestInitialized(ServletRequestEvent event) {
        if (base == null && event.getServletRequest() instanceof HttpServletRequest http) {
            base = URI.create("http://localhost:" + http.getLocalPort() + http.getContextPath() + "/");
        }
    }

    /** The server's own base URL, or null before the first request. */
    public static URI base() {
        return base;
    }
}
