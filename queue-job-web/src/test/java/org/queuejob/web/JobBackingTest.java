package org.queuejob.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class JobBackingTest {

    @Test
    void wellFormedUuidsAreLookedUp_othersAreNotFound() {
        UUID uuid = UUID.randomUUID();

        assertThat(JobBacking.parse(uuid.toString())).contains(uuid);
        assertThat(JobBacking.parse(" " + uuid + " ")).contains(uuid);
        assertThat(JobBacking.parse("42")).isEmpty();
        assertThat(JobBacking.parse("<script>")).isEmpty();
        assertThat(JobBacking.parse("")).isEmpty();
        assertThat(JobBacking.parse(null)).isEmpty();
    }
}
