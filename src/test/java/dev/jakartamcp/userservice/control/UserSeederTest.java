package dev.jakartamcp.userservice.control;

import dev.jakartamcp.userservice.entity.User;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UserSeederTest {

    @Test
    void theSameSeedEveryTime() {
        List<User> a = UserSeeder.generate(1000);
        List<User> b = UserSeeder.generate(1000);
        assertEquals(a.stream().map(u -> u.email).toList(), b.stream().map(u -> u.email).toList());
        assertEquals(a.get(999).cardNumber, b.get(999).cardNumber);
    }

    @Test
    void looksLikeTheUpstreamSeed() {
        List<User> users = UserSeeder.generate(1000);
        Set<String> emails = users.stream().map(u -> u.email).collect(Collectors.toSet());
        assertEquals(1000, emails.size(), "emails are unique");
        long withCompany = users.stream().filter(u -> u.company != null).count();
        assertTrue(withCompany > 600 && withCompany < 800, "about 70% have a company: " + withCompany);
        for (User u : users) {
            assertTrue(u.email.matches("[a-z]+\\.[a-z]+\\d{1,3}@[a-z.]+"), u.email);
            assertTrue(Set.of("male", "female", "other").contains(u.gender));
            int age = u.dateOfBirth.until(java.time.LocalDate.of(2025, 1, 1)).getYears();
            assertTrue(age >= 18 && age <= 80, "age " + age);
            if (u.salary != null) {
                assertTrue(u.salary >= 30_000 && u.salary <= 200_000);
            }
            if (u.cardNumber != null) {
                assertTrue(u.cardNumber.matches("\\d{16}"));
            }
        }
    }
}
