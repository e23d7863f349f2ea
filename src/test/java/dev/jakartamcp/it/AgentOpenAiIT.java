package dev.jakartamcp.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/** The agent scenarios with the OpenAI flavour: POST {endpoint}/chat/completions, Authorization: Bearer. */
@ExtendWith(ArquillianExtension.class)
class AgentOpenAiIT extends AgentScenarios {

    static final FakeLlm LLM = new FakeLlm("openai");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return deployment(LLM, "openai");
    }

    @Override
    FakeLlm llm() {
        return LLM;
    }
}
