package dev.jakartamcp.bench.bare;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Benchmark only: the JAX-RS application of the bare endpoint. */
@ApplicationPath("/")
public class BareApplication extends Application {
}
