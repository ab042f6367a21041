package org.queuejob.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.OptionalInt;
import org.queuejob.domain.model.channel.Channel;
import org.queuejob.domain.model.channel.ChannelRepository;
import org.queuejob.domain.scheduling.ChannelConfig;
import org.queuejob.domain.scheduling.ChannelSpec;

/**
 * Channels at run time. The configuration string is applied at start to the records of the channels it names;
 * after that the records rule, and the dispatcher applies every change within its poll interval (1 s by default),
 * without restart or redeploy. A pause is never undone by a start.
 */
@Stateless
public class ChannelService {

    @Inject
    ChannelRepository channels;

    /** Creates or updates the records of the channels {@code config} names; others are left as they are. */
    public void apply(ChannelConfig config) {
        for (ChannelSpec spec : config.channels()) {
            channels.find(spec.fullName())
                    .ifPresentOrElse(
                            channel -> channel.configure(spec.capacity(), spec.sequential(), spec.throttleSeconds()),
                            () -> channels.store(new Channel(spec)));
        }
    }

    /** Every channel's settings, as the scheduler takes them. */
    public List<ChannelSpec> specs() {
        return channels.all().stream().map(Channel::spec).toList();
    }

    public void pause(String completeName) {
        find(completeName).pause();
    }

    public void resume(String completeName) {
        find(completeName).resume();
    }

    /** Done and cancelled jobs of the channel older than this are deleted by the autovacuum (default 30 days). */
    public void changeRemovalInterval(String completeName, int days) {
        find(completeName).changeRemovalInterval(days);
    }

    /** New settings for a channel, created if missing; refused with the scheduler's message if inconsistent. */
    public void configure(String completeName, OptionalInt capacity, boolean sequential, int throttleSeconds) {
        ChannelSpec spec = new ChannelSpec(completeName, capacity, sequential, throttleSeconds, false);
        channels.find(spec.fullName())
                .ifPresentOrElse(
                        channel -> channel.configure(capacity, sequential, throttleSeconds),
                        () -> channels.store(new Channel(spec)));
    }

    private Channel find(String completeName) {
        return channels.find(completeName)
                .orElseThrow(() -> new IllegalArgumentException("No channel named " + completeName));
    }
}
