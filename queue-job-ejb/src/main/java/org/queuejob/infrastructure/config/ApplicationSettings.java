package org.queuejob.infrastructure.config;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The settings an application gives in its own {@code META-INF/microprofile-config.properties} files, as against
 * those of sources every application of the server reads (system properties, the environment, the server's
 * configuration). A setting named after something this application lacks (a job function, a recurring job) is a
 * mistake in the application's own file, and refuses its deployment; from the server's sources, it may be meant for
 * another application on the same server, and is only said.
 */
public final class ApplicationSettings {

    /** The application's own configuration file, as MicroProfile Config names it. */
    public static final String FILE = "META-INF/microprofile-config.properties";

    /** Added to the sentence of a setting that is only said, not refused. */
    public static final String SERVER_WIDE = " (set for the whole server, not in the application: it may be meant for"
            + " another application; ignored here)";

    private static final Logger LOG = Logger.getLogger(ApplicationSettings.class.getName());

    private ApplicationSettings() {}

    /** The names of the properties of the {@link #FILE} files {@code application} sees. */
    public static Set<String> names(ClassLoader application) {
        Set<String> own = new HashSet<>();
        try {
            for (URL file : Collections.list(application.getResources(FILE))) {
                Properties properties = new Properties();
                try (InputStream in = file.openStream()) {
                    properties.load(in);
                }
                own.addAll(properties.stringPropertyNames());
            }
        } catch (IOException | IllegalArgumentException e) {
            // The configuration read these files already and would have said so; unread, every such setting is said.
            LOG.warning(() -> "Could not read the application's " + FILE + ": " + e);
        }
        return own;
    }
}
