package org.queuejob.domain.model.channel;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Objects;
import java.util.OptionalInt;
import org.queuejob.domain.scheduling.ChannelSpec;

/**
 * A channel as a record: the original's {@code queue.job.channel}, plus the settings the original could only change
 * by restarting with a new configuration string (capacity, sequential, throttle) and a pause switch. Changes go
 * through {@link #configure} and {@link #pause} / {@link #resume}, which keep the scheduler's rules (a sequential
 * channel has capacity 1, root has a capacity), so a record can always become a {@link ChannelSpec}.
 */
@Entity
@Table(name = "queue_job_channel")
public class Channel {

    /** The original's default autovacuum age of done and cancelled jobs (F33). */
    public static final int DEFAULT_REMOVAL_INTERVAL_DAYS = 30;

    /** Longest removal interval: a hundred years, which is "keep them" in practice. */
    public static final int MAX_REMOVAL_INTERVAL_DAYS = 36_500;

    /** Largest capacity set here (the back office, the API), as in the configuration string. */
    public static final int MAX_CAPACITY = ChannelSpec.MAX_CAPACITY;

    /** Longest throttle set here, as in the configuration string. */
    public static final int MAX_THROTTLE_SECONDS = ChannelSpec.MAX_THROTTLE_SECONDS;

    @Id
    @SequenceGenerator(name = "queue_job_channel_seq", sequenceName = "queue_job_channel_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "queue_job_channel_seq")
    private Long id;

    @Column(name = "complete_name", nullable = false, updatable = false)
    private String completeName;

    private Integer capacity;

    private boolean sequential;

    @Column(name = "throttle_seconds")
    private int throttleSeconds;

    private boolean paused;

    @Column(name = "removal_interval_days")
    private int removalIntervalDays = DEFAULT_REMOVAL_INTERVAL_DAYS;

    @Version
    private int version;

    protected Channel() {
        // for JPA
    }

    /** A channel with the settings of a configuration entry. */
    public Channel(ChannelSpec spec) {
        Objects.requireNonNull(spec, "A channel spec is required.");
        this.completeName = spec.fullName();
        apply(spec);
    }

    /** New capacity (empty = unlimited), sequential flag and throttle; refused if the scheduler would refuse it. */
    public void configure(OptionalInt capacity, boolean sequential, int throttleSeconds) {
        requireSettable(capacity, throttleSeconds);
        apply(new ChannelSpec(completeName, capacity, sequential, throttleSeconds, paused));
    }

    /**
     * The ranges a capacity and a throttle set in the back office or the API must be in (a deployment's configuration
     * is the scheduler's to check); an {@link IllegalArgumentException} with the range and the value otherwise.
     */
    public static void requireSettable(OptionalInt capacity, int throttleSeconds) {
        if (capacity.isPresent() && (capacity.getAsInt() < 0 || capacity.getAsInt() > MAX_CAPACITY)) {
            throw new IllegalArgumentException(String.format(
                    "The capacity is a whole number from 0 to %,d, not %,d.", MAX_CAPACITY, capacity.getAsInt()));
        }
        if (throttleSeconds < 0 || throttleSeconds > MAX_THROTTLE_SECONDS) {
            throw new IllegalArgumentException(String.format(
                    "The throttle is a whole number of seconds from 0 to %,d (a day), not %,d.",
                    MAX_THROTTLE_SECONDS, throttleSeconds));
        }
    }

    /** Nothing new starts in this channel or below it; running jobs finish. */
    public void pause() {
        this.paused = true;
    }

    public void resume() {
        this.paused = false;
    }

    public void changeRemovalInterval(int days) {
        if (days < 1 || days > MAX_REMOVAL_INTERVAL_DAYS) {
            throw new IllegalArgumentException(String.format(
                    "The removal interval is a whole number of days from 1 to %,d, not %,d.",
                    MAX_REMOVAL_INTERVAL_DAYS, days));
        }
        this.removalIntervalDays = days;
    }

    public ChannelSpec spec() {
        return new ChannelSpec(
                completeName,
                capacity == null ? OptionalInt.empty() : OptionalInt.of(capacity),
                sequential,
                throttleSeconds,
                paused);
    }

    private void apply(ChannelSpec spec) {
        this.capacity = spec.capacity().isPresent() ? spec.capacity().getAsInt() : null;
        this.sequential = spec.sequential();
        this.throttleSeconds = spec.throttleSeconds();
        this.paused = spec.paused();
    }

    public String completeName() {
        return completeName;
    }

    public boolean isPaused() {
        return paused;
    }

    public int removalIntervalDays() {
        return removalIntervalDays;
    }
}
