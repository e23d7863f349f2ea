package dev.jakartamcp.mcp.server.diagnostics;

import dev.jakartamcp.mcp.server.boundary.IncidentMapper;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Set;

/** The engine's diagnostics at /diagnostics/mcp; 404 unless {@code mcp.diagnostics.enabled=true}. */
@ApplicationPath("diagnostics")
public class DiagnosticsApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(DiagnosticsResource.class, IncidentMapper.class);
    }
}
