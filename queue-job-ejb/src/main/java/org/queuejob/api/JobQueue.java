package org.queuejob.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * Options for one job at the call site, the original's {@code with_delay(priority=…, eta=…, …)}:
 *
 * <pre>{@code
 * @Inject JobQueue queue;
 *
 * UUID job = queue.options()
 *         .priority(3)
 *         .eta(Duration.ofMinutes(10))
 *         .channel("root.mail")
 *         .enqueue(() -> mailer.sendNewsletter(customer, issue));
 * }</pre>
 *
 * The lambda must call exactly one {@link Job} method; that call is stored, or, with an identity key already held
 * by a waiting job, not stored (the waiting job's uuid is returned instead), (in the caller's transaction, as
 * always) with these options, which win over the method's {@code @Job} defaults. Type-safe: the method is a real
 * call, its arguments are checked by the compiler.
 */
public interface JobQueue {

    /** Fresh options; each setter returns a copy, so an {@code Options} can be shared and reused. */
    Options options();

    /**
     * Stores the one {@link Job} call {@code call} makes, with the method's defaults, and returns the job's uuid (a
     * plain call of the method stores the job too, but cannot return its uuid).
     */
    default UUID enqueue(JobCall call) {
        return options().enqueue(call);
    }

    /** Records one {@link Job} call (default options) as a node of a graph; nothing is stored yet. */
    default Delayable delayable(JobCall call) {
        return options().delayable(call);
    }

    /**
     * Runs {@code work} with every {@link Job} call it makes on this thread run at once, in the caller, instead of
     * stored (the original's {@code queue_job__no_delay} context key): for tests of code that enqueues jobs. A
     * graph delayed inside runs its jobs in dependency order; {@code enqueue} returns {@code null}.
     */
    <T> T noDelay(Callable<T> work) throws Exception;

    /** Opens a {@link JobsTrap} on this thread: {@code @Job} calls are kept for the test instead of stored. */
    JobsTrap trapJobs();

    /** The nodes one after the other: each node's last jobs → the next node's first jobs. */
    Delayable chain(Delayable... nodes);

    /** The nodes side by side: what depends on the group waits for every member. */
    Delayable group(Delayable... nodes);

    /** Options for one job; unset ones come from the method's {@code @Job}. */
    final class Options {

        // Not final only so that the setters below can change their copy; an Options never changes once returned.
        private Integer priority;
        private Instant etaAt;
        private Duration etaIn;
        private Integer maxRetries;
        private String description;
        private String channel;
        private String identityKey;
        private IdentityKey identityKeyFunction;
        private final Enqueuer enqueuer;

        /** What turns options plus a call into a stored job, or a node of a graph (the queue's implementation). */
        public interface Enqueuer {
            UUID enqueue(Options options, JobCall call);

            Delayable delayable(Options options, JobCall call);
        }

        public Options(Enqueuer enqueuer) {
            this.enqueuer = Objects.requireNonNull(enqueuer, "An enqueuer is required.");
        }

        private Options copy() {
            Options copy = new Options(enqueuer);
            copy.priority = priority;
            copy.etaAt = etaAt;
            copy.etaIn = etaIn;
            copy.maxRetries = maxRetries;
            copy.description = description;
            copy.channel = channel;
            copy.identityKey = identityKey;
            copy.identityKeyFunction = identityKeyFunction;
            return copy;
        }

        /** Smaller runs first; default 10. */
        public Options priority(int priority) {
            Options copy = copy();
            copy.priority = priority;
            return copy;
        }

        /** Not before this instant. */
        public Options eta(Instant at) {
            Options copy = copy();
            copy.etaAt = Objects.requireNonNull(at, "An eta instant is required.");
            copy.etaIn = null;
            return copy;
        }

        /** Not before this long after the call. */
        public Options eta(Duration in) {
            Objects.requireNonNull(in, "An eta delay is required.");
            if (in.isNegative()) {
                throw new IllegalArgumentException("An eta delay cannot be negative: " + in);
            }
            Options copy = copy();
            copy.etaAt = null;
            copy.etaIn = in;
            return copy;
        }

        /** Not before this many seconds after the call (the original's integer eta). */
        public Options etaSeconds(long seconds) {
            return eta(Duration.ofSeconds(seconds));
        }

        /** Tries before failing; 0 = retry forever. */
        public Options maxRetries(int maxRetries) {
            if (maxRetries < 0) {
                throw new IllegalArgumentException("Max. retries cannot be negative: " + maxRetries);
            }
            Options copy = copy();
            copy.maxRetries = maxRetries;
            return copy;
        }

        public Options description(String description) {
            Options copy = copy();
            copy.description = Objects.requireNonNull(description, "A description is required.");
            return copy;
        }

        /**
         * The complete channel name ({@code root.} optional); wins over the method's channel. A blank name, or one
         * with spaces around it, is refused rather than read as root or stripped: either would store the job
         * somewhere the caller did not name.
         */
        public Options channel(String channel) {
            Objects.requireNonNull(channel, "A channel is required.");
            if (channel.isBlank()) {
                throw new IllegalArgumentException(
                        "A channel cannot be blank: name one (e.g. root.mail), or leave it out for the job's own.");
            }
            if (!channel.equals(channel.strip())) {
                String shown = channel.length() > 64 ? channel.substring(0, 64) + "…" : channel;
                throw new IllegalArgumentException(
                        "The channel '" + shown + "' has spaces around it: give the name alone, e.g. root.mail.");
            }
            Options copy = copy();
            copy.channel = channel;
            return copy;
        }

        /**
         * While a job with this key is waiting (wait_dependencies or pending: a job handed to a server may be running
         * already), enqueueing returns that job's uuid instead of storing another, and that job does not start before
         * the caller's transaction ends. The key is locked for the caller's transaction, so concurrent callers get
         * one job.
         */
        public Options identityKey(String key) {
            Objects.requireNonNull(key, "An identity key is required.");
            if (key.isBlank()) {
                throw new IllegalArgumentException("An identity key cannot be blank.");
            }
            Options copy = copy();
            copy.identityKey = key;
            copy.identityKeyFunction = null;
            return copy;
        }

        /** An identity key computed from the job about to be stored, as {@link #identityKey(String)} otherwise. */
        public Options identityKey(IdentityKey function) {
            Options copy = copy();
            copy.identityKey = null;
            copy.identityKeyFunction = Objects.requireNonNull(function, "An identity key function is required.");
            return copy;
        }

        /** The original's {@code identity_exact}: the key is a hash of the job function and its arguments. */
        public Options identityExact() {
            return identityKey(IdentityKey.EXACT);
        }

        /** Records the one {@link Job} call {@code call} makes, with these options, as a node of a graph. */
        public Delayable delayable(JobCall call) {
            return enqueuer.delayable(this, Objects.requireNonNull(call, "A call is required."));
        }

        /**
         * Stores the one {@link Job} call {@code call} makes, with these options; returns the job's uuid. Throws
         * {@link IllegalStateException} when the lambda calls no {@code @Job} method or more than one.
         */
        public UUID enqueue(JobCall call) {
            return enqueuer.enqueue(this, Objects.requireNonNull(call, "A call is required."));
        }

        public Integer priority() {
            return priority;
        }

        public Instant etaAt() {
            return etaAt;
        }

        public Duration etaIn() {
            return etaIn;
        }

        public Integer maxRetries() {
            return maxRetries;
        }

        public String description() {
            return description;
        }

        public String channel() {
            return channel;
        }

        public String identityKey() {
            return identityKey;
        }

        public IdentityKey identityKeyFunction() {
            return identityKeyFunction;
        }

        /** Whether a job with these options has an identity key (given, or computed). */
        public boolean hasIdentityKey() {
            return identityKey != null || identityKeyFunction != null;
        }
    }
}
