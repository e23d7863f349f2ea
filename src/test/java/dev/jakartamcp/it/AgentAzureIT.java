package dev.jakartamcp.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The agent scenarios with the Azure flavour used by EPAM DIAL and Azure OpenAI:
 * POST {endpoint}/openai/deployments/{model}/chat/completions?api-version=..., header Api-Key.
 */
@ExtendWith(ArquillianExtension.class)
class AgentAzureIT extends AgentScenarios {

    static final FakeLlm LLM = new FakeLlm("azure");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return deployment(LLM, "azure", "2025-11-25");
    }

    /** the 2025 era: sessions and elicitation on the stream */
    @Override
    String protocol() {
        return "2025-11-25";
    }

    @Override
    FakeLlm llm() {
        return LLM;
    }
}
