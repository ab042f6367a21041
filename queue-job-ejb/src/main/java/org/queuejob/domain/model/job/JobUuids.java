package org.queuejob.domain.model.job;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

/**
 * Job uuids in the UUID version 7 layout (RFC 9562): 48 bits of Unix milliseconds, then random bits. Ordered by
 * creation time, new uuids land at the right end of the uuid index instead of on a random page of it: with ten
 * million jobs kept, a random (version 4) uuid made every insert and every state change read and dirty a page of an
 * index far larger than the cache.
 */
final class JobUuids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private JobUuids() {}

    static UUID next(Instant createdAt) {
        long millis = createdAt.toEpochMilli() & 0xFFFF_FFFF_FFFFL;
        long random = RANDOM.nextLong();
        long high = (millis << 16) | 0x7000L | ((random >>> 52) & 0x0FFFL);
        long low = (RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }
}
