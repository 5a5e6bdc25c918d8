package dev.hivemind.auth.password;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class SeenClientIvsTest {
    private static byte[] iv(long v) {
        return ByteBuffer.allocate(8).putLong(v).array();
    }

    @Test
    void aRepeatedIvOfTheSameClientIsAReplayAnotherClientsIsNot() {
        SeenClientIvs seen = new SeenClientIvs();
        assertTrue(seen.firstSight(1, iv(42)));
        assertFalse(seen.firstSight(1, iv(42)));
        assertTrue(seen.firstSight(2, iv(42)));
    }

    @Test
    void remembersTheLastIvsOfEachClient() {
        SeenClientIvs seen = new SeenClientIvs();
        for (long i = 0; i < SeenClientIvs.PER_CLIENT + 10; i++) {
            assertTrue(seen.firstSight(7, iv(i)));
        }
        assertFalse(seen.firstSight(7, iv(SeenClientIvs.PER_CLIENT + 9)));
        assertFalse(seen.firstSight(7, iv(10)));
        assertTrue(seen.firstSight(7, iv(0)), "older than the ring: left to the key-derivation budget");
    }
}
