package dev.jakartamcp.userservice.control;

import dev.jakartamcp.userservice.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Fills an empty database with deterministic users (same seed, same users), so tests and demos can
 * rely on them. A database that holds any user is left alone. A CDI observer rather than an EJB
 * startup singleton, because WildFly's MicroProfile profile ignores the latter.
 */
@ApplicationScoped
public class UserSeeder {

    private static final Logger LOG = Logger.getLogger(UserSeeder.class.getName());

    static final String[] FIRST_NAMES = {"James", "Mary", "John", "Patricia", "Robert", "Jennifer", "Michael", "Linda",
            "William", "Elizabeth", "David", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah",
            "Charles", "Karen", "Christopher", "Nancy", "Daniel", "Lisa", "Matthew", "Betty", "Anthony", "Margaret",
            "Mark", "Sandra", "Donald", "Ashley", "Steven", "Kimberly", "Paul", "Emily", "Andrew", "Donna", "Joshua",
            "Michelle", "Kenneth", "Carol", "Kevin", "Amanda", "Brian", "Dorothy", "George", "Melissa", "Timothy",
            "Deborah", "Olena", "Taras", "Ivan", "Oksana", "Andriy", "Natalia", "Pavel", "Anna", "Dmytro", "Iryna"};
    static final String[] SURNAMES = {"Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis",
            "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor",
            "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez",
            "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill",
            "Flores", "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell", "Carter",
            "Roberts", "Shevchenko", "Kovalenko", "Bondarenko", "Tkachenko", "Kravchenko", "Melnyk", "Boyko"};
    private static final String[] DOMAINS = {"gmail.com", "yahoo.com", "hotmail.com", "outlook.com", "company.com",
            "example.org", "test.edu", "business.net"};
    private static final String[] GENDERS = {"male", "female", "other"};
    private static final String[] COMPANIES = {"Acme Corp", "Globex", "Initech", "Umbrella", "Stark Industries",
            "Wayne Enterprises", "Hooli", "Vandelay Industries", "Soylent", "Cyberdyne Systems"};
    private static final String[] COUNTRIES = {"United States", "Canada", "United Kingdom", "Germany", "Poland",
            "Ukraine", "Spain", "France"};
    private static final String[] CITIES = {"Springfield", "Riverside", "Franklin", "Greenville", "Bristol",
            "Clinton", "Fairview", "Salem", "Madison", "Georgetown"};
    private static final String[] STREETS = {"Main St", "Oak Ave", "Pine Rd", "Maple Dr", "Cedar Ln", "Elm St",
            "Lake View", "Hill Rd"};
    private static final String[] HOBBIES = {"hiking", "chess", "photography", "cooking", "cycling", "reading",
            "gardening", "painting", "running", "music", "travel", "birdwatching"};
    private static final LocalDate REFERENCE_DAY = LocalDate.of(2025, 1, 1);
    private static final Instant REFERENCE_TIME = Instant.parse("2025-01-01T00:00:00Z");

    @Inject
    UserRepository repository;

    @Inject
    @ConfigProperty(name = "userservice.seed.count", defaultValue = "1000")
    int count;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        int erased = repository.eraseCardCodes();
        if (erased > 0) {
            LOG.info("erased the card security codes of " + erased + " users (they are never stored)");
        }
        if (repository.count() > 0) {
            LOG.info("user database already holds users; not seeding");
            return;
        }
        long start = System.nanoTime();
        try {
            repository.persistAll(generate(count));
        } catch (RuntimeException e) {
            // nodes that start together on one database race to seed it; the unique emails let one
            // win, and the others' transactions roll back whole
            if (repository.count() > 0) {
                LOG.info("another node seeded the users first; not seeding");
                return;
            }
            throw e;
        }
        LOG.info(() -> "seeded " + count + " users in " + (System.nanoTime() - start) / 1_000_000 + " ms");
    }

    /** The same list for the same count, every time. */
    static List<User> generate(int count) {
        Random random = new Random(20250101L);
        Set<String> emails = new HashSet<>();
        List<User> users = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            User u = new User();
            u.name = pick(random, FIRST_NAMES);
            u.surname = pick(random, SURNAMES);
            String email;
            do {
                email = (u.name + "." + u.surname + (1 + random.nextInt(999)) + "@" + pick(random, DOMAINS)).toLowerCase();
            } while (!emails.add(email));
            u.email = email;
            u.gender = pick(random, GENDERS);
            u.dateOfBirth = REFERENCE_DAY.minusYears(18 + random.nextInt(63)).minusDays(random.nextInt(365));
            u.phone = String.format("+1-555-%03d-%04d", random.nextInt(1000), random.nextInt(10000));
            if (random.nextInt(10) < 7) {
                u.company = pick(random, COMPANIES);
                u.salary = (double) (30_000 + random.nextInt(170_001));
            }
            if (random.nextInt(10) < 8) {
                u.addressCountry = pick(random, COUNTRIES);
                u.addressCity = pick(random, CITIES);
                u.addressStreet = (1 + random.nextInt(999)) + " " + pick(random, STREETS);
                u.addressFlatHouse = "Apt " + (1 + random.nextInt(200));
            }
            if (random.nextInt(10) < 6) {
                StringBuilder digits = new StringBuilder("4");
                for (int d = 1; d < 16; d++) {
                    digits.append(random.nextInt(10));
                }
                u.cardNumber = digits.toString();
                random.nextInt(1000); // was the CVV, which is never stored; drawn still, so the seed stays the same
                u.cardExpDate = String.format("%02d/%d", 1 + random.nextInt(12), 2026 + random.nextInt(6));
            }
            u.aboutMe = "I enjoy " + pick(random, HOBBIES) + " and " + pick(random, HOBBIES) + ".";
            u.createdAt = REFERENCE_TIME.plus(i, ChronoUnit.MINUTES);
            users.add(u);
        }
        return users;
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
