package org.queuejob.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BulkActionUuidsTest {

    @Test
    void oneUuidOfNoJob_isNamed_andTheSentenceSaysNothingStarted() {
        UUID gone = UUID.fromString("00000000-0000-0000-0000-000000000001");

        assertThat(BulkActionService.unknownUuids(List.of(gone)))
                .isEqualTo("1 of the given uuids is no job: 00000000-0000-0000-0000-000000000001. Nothing was"
                        + " started: leave out the uuids of jobs that were removed (or never existed), and send the"
                        + " list again.");
    }

    @Test
    void manyUuidsOfNoJob_areCounted_andTheFirstTwentyNamed() {
        List<UUID> gone = IntStream.range(0, 25).mapToObj(i -> new UUID(0, i)).toList();

        String sentence = BulkActionService.unknownUuids(gone);

        assertThat(sentence).startsWith("25 of the given uuids are no job (the first 20): ");
        assertThat(sentence).contains(new UUID(0, 19).toString()).doesNotContain(new UUID(0, 20).toString());
    }
}
