package org.queuejob.domain.model.job;

/** Complete channel names as the original writes them: {@code root} or {@code root.a.b}; {@code a.b} means the same. */
public final class ChannelName {

    public static final String ROOT = "root";

    private ChannelName() {}

    public static String normalize(String name) {
        if (name == null || name.isBlank() || name.strip().equals(ROOT)) {
            return ROOT;
        }
        String stripped = name.strip();
        String complete = stripped.startsWith(ROOT + ".") ? stripped : ROOT + "." + stripped;
        for (String part : complete.split("\\.", -1)) {
            if (part.isBlank()) {
                throw new IllegalArgumentException("Invalid channel name '" + name + "': empty segment.");
            }
        }
        return complete;
    }
}
