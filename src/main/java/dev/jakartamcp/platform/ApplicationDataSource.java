package dev.jakartamcp.platform;

import jakarta.annotation.sql.DataSourceDefinition;

/**
 * The application's own datasource: an H2 database in files, so users and conversations survive a
 * restart on every server (a server's default datasource may be in memory: WildFly's is).
 * <p>
 * The URL below is Payara's: the same files as Payara's default datasource, under its root
 * directory ({@code --rootdir}), so a database written by earlier versions is kept.
 * WildFly resolves no Payara variables, so {@code WEB-INF/jboss-web.xml} defines the same name with
 * a WildFly URL, under {@code jakartamcp.data.dir} (default {@code ${jboss.server.data.dir}/jakarta-mcp});
 * a descriptor entry overrides the annotation of the same name (Jakarta EE platform, EE.5.18).
 */
@DataSourceDefinition(
        name = ApplicationDataSource.NAME,
        className = "${MPCONFIG=db.class-name}",
        url = "${MPCONFIG=db.url}",
        user = "${ENV=DB_USER:}",
        password = "${ENV=DB_PASSWORD:}")
public final class ApplicationDataSource {

    public static final String NAME = "java:app/jdbc/jakarta-mcp";

    private ApplicationDataSource() {
    }
}
