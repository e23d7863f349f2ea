package dev.jakartamcp.chat;

import dev.jakartamcp.mcp.protocol.JsonCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Conversations in the database, so a restart keeps them. Each turn is appended in one transaction. */
@ApplicationScoped
public class ConversationStore {

    @PersistenceContext(unitName = "chat")
    EntityManager em;

    @Transactional
    public Conversation create(String title) {
        Conversation c = new Conversation();
        c.id = UUID.randomUUID().toString();
        c.title = title == null || title.isBlank() ? "New conversation" : abbreviate(title);
        c.createdAt = Instant.now();
        em.persist(c);
        return c;
    }

    public List<Conversation> all() {
        return em.createQuery("SELECT c FROM Conversation c ORDER BY c.createdAt DESC", Conversation.class).getResultList();
    }

    public Optional<Conversation> find(String id) {
        return Optional.ofNullable(em.find(Conversation.class, id));
    }

    public List<JsonObject> messages(String id) {
        List<JsonObject> out = new ArrayList<>();
        em.createQuery("SELECT m FROM ConversationMessage m WHERE m.conversationId = :id ORDER BY m.position", ConversationMessage.class)
                .setParameter("id", id).getResultList().forEach(m -> out.add(JsonCodec.parseObject(m.json)));
        return out;
    }

    /**
     * Appends messages after the last one, all or none; a conversation still called "New
     * conversation" is named after its first question. The conversation's row is locked for the
     * transaction, so two writers never compute the same next position (the unique constraint on
     * (conversation, position) backs this up).
     */
    @Transactional
    public void append(String id, List<JsonObject> messages) {
        Conversation c = em.find(Conversation.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (c == null) {
            return; // deleted while the turn ran
        }
        Integer last = em.createQuery("SELECT MAX(m.position) FROM ConversationMessage m WHERE m.conversationId = :id", Integer.class)
                .setParameter("id", id).getSingleResult();
        int position = last == null ? 0 : last + 1;
        for (JsonObject message : messages) {
            ConversationMessage m = new ConversationMessage();
            m.conversationId = id;
            m.position = position++;
            m.json = JsonCodec.write(message);
            em.persist(m);
        }
        if ("New conversation".equals(c.title) && !messages.isEmpty() && "user".equals(messages.get(0).getString("role", ""))) {
            c.title = abbreviate(messages.get(0).getString("content", c.title));
        }
    }

    @Transactional
    public boolean delete(String id) {
        Conversation c = em.find(Conversation.class, id);
        if (c == null) {
            return false;
        }
        em.createQuery("DELETE FROM ConversationMessage m WHERE m.conversationId = :id").setParameter("id", id).executeUpdate();
        em.remove(c);
        return true;
    }

    private static String abbreviate(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() > 80 ? line.substring(0, 77) + "..." : line;
    }
}
