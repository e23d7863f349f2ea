package dev.jakartamcp.mcp.server.control;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Says which MCP server a tool, resource or prompt bean belongs to. Each server (an endpoint) has
 * its own registries, so the conformance fixtures never show up on the product server.
 */
@Qualifier
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface ServedBy {

    String value();

    final class Literal extends AnnotationLiteral<ServedBy> implements ServedBy {
        private final String value;

        public Literal(String value) {
            this.value = value;
        }

        @Override
        public String value() {
            return value;
        }
    }
}
