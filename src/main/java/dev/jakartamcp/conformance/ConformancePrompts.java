package dev.jakartamcp.conformance;

import dev.jakartamcp.mcp.protocol.Content;
import dev.jakartamcp.mcp.protocol.PromptDefinition;
import dev.jakartamcp.mcp.protocol.PromptMessage;
import dev.jakartamcp.mcp.protocol.ResourceContents;
import dev.jakartamcp.mcp.server.control.McpPrompt;
import dev.jakartamcp.mcp.server.control.ServedBy;
import jakarta.enterprise.inject.Produces;

import java.util.List;

/** The prompts the conformance suite lists and gets. */
@jakarta.enterprise.context.ApplicationScoped
public class ConformancePrompts {

    @Produces
    @ServedBy(ConformanceMcpServer.NAME)
    McpPrompt simple() {
        return new Fixture.Prompt(new PromptDefinition("test_simple_prompt", "Simple prompt", "A prompt without arguments", List.of()),
                args -> List.of(PromptMessage.user(new Content.Text("This is a simple prompt for testing."))));
    }

    @Produces
    @ServedBy(ConformanceMcpServer.NAME)
    McpPrompt withArguments() {
        return new Fixture.Prompt(new PromptDefinition("test_prompt_with_arguments", "Prompt with arguments",
                "A prompt with two required arguments", List.of(
                new PromptDefinition.Argument("arg1", "First test argument", true),
                new PromptDefinition.Argument("arg2", "Second test argument", true))),
                args -> List.of(PromptMessage.user(new Content.Text("Prompt with arguments: arg1='" + args.get("arg1")
                        + "', arg2='" + args.get("arg2") + "'"))));
    }

    @Produces
    @ServedBy(ConformanceMcpServer.NAME)
    McpPrompt embeddedResource() {
        return new Fixture.Prompt(new PromptDefinition("test_prompt_with_embedded_resource", "Prompt with a resource",
                "A prompt that embeds a resource", List.of(new PromptDefinition.Argument("resourceUri", "URI of the resource to embed", true))),
                args -> List.of(
                        PromptMessage.user(new Content.EmbeddedResource(ResourceContents.text(args.get("resourceUri"), "text/plain",
                                "Embedded resource content for testing."))),
                        PromptMessage.user(new Content.Text("Please process the embedded resource above."))));
    }

    @Produces
    @ServedBy(ConformanceMcpServer.NAME)
    McpPrompt image() {
        return new Fixture.Prompt(new PromptDefinition("test_prompt_with_image", "Prompt with an image", "A prompt with an image",
                List.of()),
                args -> List.of(PromptMessage.user(new Content.Image(Fixture.PNG_1X1, "image/png")),
                        PromptMessage.user(new Content.Text("Please analyze the image above."))));
    }
}
