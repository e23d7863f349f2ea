package dev.jakartamcp.conformance;

import dev.jakartamcp.mcp.protocol.ResourceContents;
import dev.jakartamcp.mcp.protocol.ResourceDefinition;
import dev.jakartamcp.mcp.server.control.McpResource;
import dev.jakartamcp.mcp.server.control.McpResourceTemplate;
import dev.jakartamcp.mcp.server.control.ServedBy;
import jakarta.enterprise.inject.Produces;

import java.util.List;

/** The resources the conformance suite reads and subscribes to. */
@jakarta.enterprise.context.ApplicationScoped
public class ConformanceResources {

    @Produces
    @ServedBy(ConformanceMcpServer.NAME)
    McpResource staticText() {
        return new Fixture.Resource(ResourceDefinition.resource("test://static-text", "static-text", "Static text",
                "A static text resource", "text/plain"),
                ctx -> List.of(ResourceContents.text("test://static-text", "text/plain", "This is the content of the static text resource.")));
    }

    @Produces
    @ServedBy(ConformanceMcpServer.NAME)
    McpResource staticBinary() {
        return new Fixture.Resource(ResourceDefinition.resource("test://static-binary", "static-binary", "Static binary",
                "A static binary resource (a 1x1 PNG)", "image/png"),
                ctx -> List.of(ResourceContents.blob("test://static-binary", "image/png", Fixture.PNG_1X1)));
    }

    @Produces
    @ServedBy(ConformanceMcpServer.NAME)
    McpResource watched() {
        return new Fixture.Resource(ResourceDefinition.resource("test://watched-resource", "watched-resource", "Watched",
                "A resource to subscribe to", "text/plain"),
                ctx -> List.of(ResourceContents.text("test://watched-resource", "text/plain", "Watched resource content")));
    }

    @Produces
    @ServedBy(ConformanceMcpServer.NAME)
    McpResourceTemplate template() {
        return new Fixture.Template(ResourceDefinition.template("test://template/{id}/data", "template-data", "Template data",
                "Data for an id", "application/json"),
                (uri, vars) -> List.of(ResourceContents.text(uri, "application/json",
                        "{\"id\":\"" + vars.get("id").replace("\"", "") + "\",\"templateTest\":true,\"data\":\"Data for ID: "
                                + vars.get("id").replace("\"", "") + "\"}")));
    }
}
