package org.queuejob.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An identity key computed from the job about to be stored (the original's {@code identity_key=callable}):
 *
 * <pre>{@code
 * queue.options().identityKey(job -> "invoice-" + job.arguments()).enqueue(() -> billing.invoice(orderId));
 * }</pre>
 */
@FunctionalInterface
public interface IdentityKey {

    /**
     * The original's {@code identity_exact}: SHA-1 of the job function and its arguments, in the canonical form
     * equal arguments share ({@link NewJob#canonicalArguments()}), so that equal maps and sets give one key whatever
     * order they iterate in.
     */
    IdentityKey EXACT = job -> sha1(job.jobFunction() + '\0' + job.canonicalArguments());

    /** The key; must not be blank. */
    String of(NewJob job);

    /**
     * What a key may be computed from: the job function, its stored JSON arguments and its options.
     *
     * @param arguments the arguments as they are stored: JSON-B's text, with maps and sets in their iteration order
     * @param canonicalArguments the same JSON with the keys of every object sorted, and the values of every set (as
     *     the method declares it) sorted by their text; lists and arrays keep their order. Equal arguments give equal
     *     text, on every server; text already in that order is the stored text unchanged
     */
    record NewJob(
            String jobFunction,
            String arguments,
            String canonicalArguments,
            String description,
            String channel,
            int priority) {

        /** A job whose stored arguments are canonical already. */
        public NewJob(String jobFunction, String arguments, String description, String channel, int priority) {
            this(jobFunction, arguments, arguments, description, channel, priority);
        }
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every Java platform", e);
        }
    }
}
