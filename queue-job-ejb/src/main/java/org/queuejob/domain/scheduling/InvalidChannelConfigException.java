package org.queuejob.domain.scheduling;

import java.util.Objects;

/** A channel configuration entry that cannot be accepted; the message quotes the entry and says why. */
public class InvalidChannelConfigException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;
    private static final String MESSAGE = "Invalid channel config entry '%s': %s";

    private final String entry;

    public InvalidChannelConfigException(String entry, String reason) {
        super(String.format(MESSAGE, entry, Objects.requireNonNull(reason, "reason is required")));
        this.entry = Objects.requireNonNull(entry, "entry is required");
    }

    /** The offending entry, trimmed, as written in the configuration string. */
    public String entry() {
        return entry;
    }
}
