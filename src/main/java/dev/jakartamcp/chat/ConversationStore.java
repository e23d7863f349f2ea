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

/**
 * Conversations in the database, so a restart keeps them. Each turn is appended in one transaction.
 * A conversation belongs to the person who created it: with a person given, the others' are not
 * found at all (null means identity is off: everyone sees everything, as in development).
 */
@ApplicationScoped
public class ConversationStore {

    @PersistenceContext(unitName = "chat")
    EntityManager em;

    @Transactional
    public Conversation create(String title, String owner) {
        Conversation c = new Conversation();
        c.owner = owner;
        c.id = UUID.randomUUID().toString();
        c.title = title == null || title.isBlank() ? "New conversation" : abbreviate(title);
        c.createdAt = Instant.now();
        em.persist(c);
        return c;
    }

    public List<Conversation> all(String person) {
        if (person == null) {
            return em.createQuery("SELECT c FROM Conversation c ORDER BY c.createdAt DESC", Conversation.class).getResultList();
        }
        return em.createQuery("SELECT c FROM Conversation c WHERE c.owner = :owner ORDER BY c.createdAt DESC", Conversation.class)
                .setParameter("owner", person).getResultList();
    }

    /** The conversation, if it exists and {@code person} may see it. */
    public Optional<Conversation> find(String id, String person) {
        return Optional.ofNullable(em.find(Conversation.class, id)).filter(c -> mayAccess(c.owner, person));
    }

    /** Identity off (no person): everything; on: only one's own, so a conversation created while it was off is nobody's. */
    static boolean mayAccess(String owner, String person) {
        return person == null || person.equals(owner);
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
    public boolean delete(String id, String person) {
        Conversation c = em.find(Conversation.class, id);
        if (c == null || !mayAccess(c.owner, person)) {
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
