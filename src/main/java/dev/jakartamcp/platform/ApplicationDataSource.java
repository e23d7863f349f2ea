package dev.jakartamcp.platform;

import jakarta.annotation.sql.DataSourceDefinition;

/**
 * The application's own datasource. By default an H2 database in files, so users and conversations
 * survive a restart on every server (a server's default datasource may be in memory: WildFly's is);
 * PostgreSQL (or any database with a JDBC DataSource class) when configured: the README's "Database".
 * <p>
 * This annotation is Payara's: {@code ${MPCONFIG=...}} reads MicroProfile Config (defaults in
 * microprofile-config.properties: the same files as Payara's default datasource, under its root
 * directory, so a database written by earlier versions is kept; DB_URL and DB_CLASS_NAME override
 * them), {@code ${ENV=...:}} the environment (a user and password, empty by default, which
 * MicroProfile Config cannot express). The fish.payara properties make the pool test a connection
 * before handing it out and drop them all once one fails: after the database restarts, the pool
 * holds only dead connections, and readiness would stay DOWN forever.
 * <p>
 * WildFly resolves none of these, so {@code WEB-INF/jboss-web.xml} defines the same name with
 * WildFly expressions; a descriptor entry overrides the annotation of the same name (Jakarta EE
 * platform, EE.5.18).
 */
@DataSourceDefinition(
        name = ApplicationDataSource.NAME,
        className = "${MPCONFIG=db.class-name}",
        url = "${MPCONFIG=db.url}",
        user = "${ENV=DB_USER:}",
        password = "${ENV=DB_PASSWORD:}",
        properties = {
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=meta-data",
                "fish.payara.fail-all-connections=true"
        })
public final class ApplicationDataSource {

    public static final String NAME = "java:app/jdbc/jakarta-mcp";

    private ApplicationDataSource() {
    }
}
