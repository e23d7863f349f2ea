package dev.jakartamcp.mcp.server.diagnostics;

import dev.jakartamcp.mcp.protocol.JsonCodec;
import dev.jakartamcp.mcp.server.control.McpExecutors;
import dev.jakartamcp.mcp.server.control.SessionChannels;
import dev.jakartamcp.mcp.server.control.SessionManager;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.lang.management.ManagementFactory;

/**
 * What the engine holds right now: sessions, channels, streams, replay bytes, tool calls, and the
 * heap (after a full GC when asked). Off by default: a GC on demand is not for the public. The
 * adversarial tests read it to check that an attack leaves memory within its budgets.
 */
@Path("mcp")
@RequestScoped
public class DiagnosticsResource {

    @Inject
    @ConfigProperty(name = "mcp.diagnostics.enabled", defaultValue = "false")
    boolean enabled;

    @Inject
    SessionManager sessions;

    @Inject
    SessionChannels channels;

    @Inject
    McpExecutors executors;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response get(@QueryParam("gc") boolean gc) {
        if (!enabled) {
            return Response.status(Response.Status.NOT_FOUND).build();
        }
        if (gc) {
            System.gc(); // deliberately: the point is the live heap after a full collection
        }
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return Response.ok(JsonCodec.write(JsonCodec.object()
                .add("sessions", sessions.count())
                .add("channels", channels.size())
                .add("streams", channels.streamCount())
                .add("replayBytes", channels.budget().used())
                .add("toolCalls", executors.toolCalls())
                .add("heapUsedBytes", heap)
                .build())).build();
    }
}
