package dev.jakartamcp.userservice.control;

import dev.jakartamcp.userservice.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Users in the database. Every write is one transaction: a rejected write leaves nothing behind. */
@ApplicationScoped
public class UserRepository {

    @PersistenceContext(unitName = "users")
    EntityManager em;

    public List<User> all() {
        return em.createQuery("SELECT u FROM User u ORDER BY u.id", User.class).getResultList();
    }

    public Optional<User> find(long id) {
        return Optional.ofNullable(em.find(User.class, id));
    }

    /** Erases card security codes an older version stored; this one never stores them. Returns how many. */
    @Transactional
    public int eraseCardCodes() {
        return em.createQuery("UPDATE User u SET u.cardCvv = NULL WHERE u.cardCvv IS NOT NULL").executeUpdate();
    }

    public long count() {
        return em.createQuery("SELECT COUNT(u) FROM User u", Long.class).getSingleResult();
    }

    /** Case-insensitive substring match on name, surname and email, exact gender; all criteria ANDed. */
    public List<User> search(String name, String surname, String email, String gender) {
        StringBuilder jpql = new StringBuilder("SELECT u FROM User u WHERE 1 = 1");
        if (name != null) jpql.append(" AND LOWER(u.name) LIKE :name ESCAPE '\\'");
        if (surname != null) jpql.append(" AND LOWER(u.surname) LIKE :surname ESCAPE '\\'");
        if (email != null) jpql.append(" AND LOWER(u.email) LIKE :email ESCAPE '\\'");
        if (gender != null) jpql.append(" AND u.gender = :gender");
        jpql.append(" ORDER BY u.id");
        TypedQuery<User> query = em.createQuery(jpql.toString(), User.class);
        if (name != null) query.setParameter("name", contains(name));
        if (surname != null) query.setParameter("surname", contains(surname));
        if (email != null) query.setParameter("email", contains(email));
        if (gender != null) query.setParameter("gender", gender);
        return query.getResultList();
    }

    /** Whether another user than {@code exceptId} already has this email, ignoring case. */
    public boolean emailTaken(String email, Long exceptId) {
        String jpql = "SELECT COUNT(u) FROM User u WHERE LOWER(u.email) = :email"
                + (exceptId == null ? "" : " AND u.id <> :except");
        TypedQuery<Long> query = em.createQuery(jpql, Long.class).setParameter("email", email.toLowerCase());
        if (exceptId != null) {
            query.setParameter("except", exceptId);
        }
        return query.getSingleResult() > 0;
    }

    @Transactional
    public User create(UserInput input) {
        User user = new User();
        input.applyTo(user);
        user.createdAt = Instant.now();
        em.persist(user);
        em.flush(); // a unique-constraint race surfaces here, inside the transaction
        return user;
    }

    @Transactional
    public Optional<User> update(long id, UserInput input) {
        User user = em.find(User.class, id);
        if (user == null) {
            return Optional.empty();
        }
        input.applyTo(user);
        em.flush();
        return Optional.of(user);
    }

    @Transactional
    public boolean delete(long id) {
        User user = em.find(User.class, id);
        if (user == null) {
            return false;
        }
        em.remove(user);
        return true;
    }

    @Transactional
    public void persistAll(List<User> users) {
        users.forEach(em::persist);
    }

    private static String contains(String text) {
        String escaped = text.toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
