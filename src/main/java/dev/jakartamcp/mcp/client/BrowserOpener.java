package dev.jakartamcp.mcp.client;

import java.awt.Desktop;
import java.awt.GraphicsEnvironment;
import java.io.PrintStream;
import java.net.URI;

/** Opens a URL in the person's browser where the desktop allows it; the URL is printed either way. */
final class BrowserOpener {

    private BrowserOpener() {
    }

    static void open(URI url, PrintStream err) {
        try {
            if (!GraphicsEnvironment.isHeadless() && Desktop.isDesktopSupported()
                    && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                Desktop.getDesktop().browse(url);
                return;
            }
        } catch (Exception | LinkageError e) {
            // no desktop after all (no display, no java.desktop module): the printed URL is the way
        }
        err.println("(no browser could be opened here: open the address above yourself)");
    }
}
