package org.queuejob.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.queuejob.application.ChannelDeletion;
import org.queuejob.application.ChannelDeletion.Outcome;
import org.queuejob.application.ChannelService;
import org.queuejob.application.ChannelView;
import org.queuejob.domain.scheduling.ChannelSpec;

/**
 * DELETE and POST channels: what they refuse before asking the service (the statuses of a delete done need the
 * server's JAX-RS runtime: ApiEditsIT).
 */
class ChannelsResourceTest {

    private final Recorded service = new Recorded();
    private final ChannelsResource resource = new ChannelsResource();

    ChannelsResourceTest() {
        resource.channels = service;
    }

    @Test
    void aChannelWithoutARecord_isA404_asForPauseAndResume_andNothingIsAsked() {
        service.listed.add(view("root.jobs-only", false));

        assertThatThrownBy(() -> resource.delete("root.jobs-only"))
                .isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(404));
        assertThatThrownBy(() -> resource.delete("root.nothing"))
                .isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(404));
        assertThat(service.deleted).isEmpty();
    }

    @Test
    void aCreationWithoutAName_isA400SayingWhatTheBodyTakes() {
        assertThatThrownBy(() -> resource.create(new ChannelCreateJson()))
                .isInstanceOf(ApiException.class)
                .hasMessageStartingWith("The body must be a JSON object with the channel's complete name in name");
    }

    private static ChannelView view(String name, boolean configured) {
        return new ChannelView(name, configured, configured ? 2 : null, false, 0, false, 30, "root", 0, 0, 0);
    }

    private static final class Recorded extends ChannelService {
        final List<ChannelView> listed = new ArrayList<>();
        final List<String> deleted = new ArrayList<>();
        Outcome outcome;

        @Override
        public List<ChannelView> overview() {
            return listed;
        }

        @Override
        public ChannelDeletion delete(String completeName) {
            deleted.add(completeName);
            return new ChannelDeletion(
                    completeName,
                    outcome,
                    outcome == Outcome.DELETED ? null : ChannelSpec.of(completeName, 2),
                    true,
                    "root",
                    30,
                    "root",
                    30,
                    false,
                    List.of(),
                    0,
                    0,
                    0);
        }
    }
}
