package dev.jakartamcp.chat;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A chat conversation; its messages are {@link ConversationMessage}s. */
@Entity
@Table(name = "CHAT_CONVERSATION")
public class Conversation {

    @Id
    @Column(length = 36)
    public String id;

    @Column(length = 200)
    public String title;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The person who created it ({@code SignedInPerson#key()}); null when identity is off. */
    @Column(name = "owner_key", length = 512)
    public String owner;
}
