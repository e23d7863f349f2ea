package dev.jakartamcp.chat;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/** One message of a conversation, kept in Chat Completions form (user, assistant with tool calls, tool). */
@Entity
// one message per place: a second writer at the same position fails instead of interleaving
@Table(name = "CHAT_MESSAGE", uniqueConstraints = @UniqueConstraint(name = "CHAT_MESSAGE_POSITION",
        columnNames = {"conversation_id", "position"}))
public class ConversationMessage {

    @Id
    @SequenceGenerator(name = "chat_message_seq", sequenceName = "CHAT_MESSAGE_SEQ", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "chat_message_seq")
    public Long id;

    @Column(name = "conversation_id", nullable = false, length = 36)
    public String conversationId;

    @Column(nullable = false)
    public int position;

    @Lob
    @Column(nullable = false)
    public String json;
}
