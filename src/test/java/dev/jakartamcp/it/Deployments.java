package dev.jakartamcp.it;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;
import java.net.URI;
import java.net.URL;

/** The WAR that `mvn package` built, exactly as operators deploy it. */
final class Deployments {

    private Deployments() {
    }

    static WebArchive realWar() {
        Servers.payaraPortFree();
        Servers.freshDatabase();
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("war.file", "target/jakarta-mcp.war")));
    }

    /**
     * The real WAR plus a library holding a higher-ordinal microprofile-config.properties: how an
     * operator would override settings, without touching the application's own classes.
     */
    static WebArchive realWarWithConfig(String properties) {
        JavaArchive config = ShrinkWrap.create(JavaArchive.class, "test-config.jar")
                .addAsManifestResource(new StringAsset("config_ordinal=500\n" + properties), "microprofile-config.properties");
        return realWar().addAsLibrary(config);
    }

    /** Arquillian reports the interface address from Payara's log; the tests speak loopback only. */
    static URI localBase(URL deployed) {
        String path = deployed.getPath().endsWith("/") ? deployed.getPath() : deployed.getPath() + "/";
        return URI.create("http://localhost:" + deployed.getPort() + path);
    }
}
