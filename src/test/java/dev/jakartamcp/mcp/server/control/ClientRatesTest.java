package dev.jakartamcp.mcp.server.control;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClientRatesTest {

    private static ClientRates rates(double perSecond, double burst, int maxClients) {
        ClientRates rates = new ClientRates();
        rates.perSecond = perSecond;
        rates.burst = burst;
        rates.maxClients = maxClients;
        return rates;
    }

    @Test
    void eachClientHasItsOwnBurst() {
        ClientRates rates = rates(0.001, 3, 10);
        for (int i = 0; i < 3; i++) {
            assertTrue(rates.tryTake("a"));
        }
        assertFalse(rates.tryTake("a"), "a's burst is spent");
        assertTrue(rates.retryAfterSeconds("a") >= 1);
        assertTrue(rates.tryTake("b"), "b is not slowed down by a");
    }

    @Test
    void theTableIsBoundedAndForgetsIdleClientsFirst() {
        ClientRates rates = rates(0.001, 2, 2);
        assertTrue(rates.tryTake("a"));
        assertTrue(rates.tryTake("b"));
        assertFalse(rates.tryTake("c"), "no room: a and b are still refilling");
        assertEquals(2, rates.size());

        ClientRates idle = rates(1_000_000, 2, 2);
        assertTrue(idle.tryTake("a"));
        assertTrue(idle.tryTake("b"));
        // with a huge refill rate their buckets are full again at once, so they can be forgotten
        assertTrue(idle.tryTake("c"), "room was made by forgetting full buckets");
        assertTrue(idle.size() <= 2, "never more than the cap: " + idle.size());
    }
}
