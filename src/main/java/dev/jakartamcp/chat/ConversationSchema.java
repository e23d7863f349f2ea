package dev.jakartamcp.chat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Brings a database kept by an older version up to date at start: CHAT_CONVERSATION gained
 * {@code owner_key}. Schema generation creates missing tables only (EclipseLink's
 * create-or-extend-tables would add the column too, but logs an error for every existing
 * constraint at every start), so the one column is added here; a no-op on a new database. H2, the
 * application's database, knows {@code ADD COLUMN IF NOT EXISTS}.
 */
@ApplicationScoped
public class ConversationSchema {

    @PersistenceContext(unitName = "chat")
    EntityManager em;

    @Transactional
    void upgrade(@Observes @Initialized(ApplicationScoped.class) Object started) {
        em.createNativeQuery("ALTER TABLE CHAT_CONVERSATION ADD COLUMN IF NOT EXISTS owner_key VARCHAR(512)").executeUpdate();
    }
}
