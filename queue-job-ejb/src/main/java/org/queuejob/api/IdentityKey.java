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

    /** The original's {@code identity_exact}: SHA-1 of the job function and its stored (JSON) arguments. */
    IdentityKey EXACT = job -> sha1(job.jobFunction() + '\0' + job.arguments());

    /** The key; must not be blank. */
    String of(NewJob job);

    /** What a key may be computed from: the job function, its stored JSON arguments and its options. */
    record NewJob(String jobFunction, String arguments, String description, String channel, int priority) {}

    private static String sha1(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every Java platform", e);
        }
    }
}
