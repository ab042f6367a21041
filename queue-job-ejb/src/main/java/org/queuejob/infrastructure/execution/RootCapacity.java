package org.queuejob.infrastructure.execution;

/**
 * The root channel's capacity from the channels setting ({@code root:4,root.mail:1}). Until channel scheduling
 * lands, every job shares the root capacity.
 */
final class RootCapacity {

    private RootCapacity() {}

    static int parse(String channels) {
        for (String entry : channels.replace('\n', ',').split(",")) {
            String[] parts = entry.strip().split(":");
            if (parts[0].strip().equals("root")) {
                if (parts.length < 2) {
                    return 1;
                }
                try {
                    int capacity = Integer.parseInt(parts[1].strip());
                    if (capacity < 0) {
                        throw new IllegalArgumentException();
                    }
                    return capacity;
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("Invalid channel config '" + entry.strip()
                            + "': the capacity must be a whole number >= 0, got '" + parts[1].strip() + "'");
                }
            }
        }
        return 1;
    }
}
