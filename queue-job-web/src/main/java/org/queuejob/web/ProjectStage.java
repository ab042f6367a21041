package org.queuejob.web;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Sets the Faces project stage from MicroProfile Config ({@code queue-job.web.project-stage}, or {@code
 * QUEUE_JOB_WEB_PROJECT_STAGE}) before Faces starts: {@code Production} unless a developer asks for {@code
 * Development}. An unknown value also means Production (Faces' own rule). A stage set in {@code web.xml} wins.
 */
public class ProjectStage implements ServletContainerInitializer {

    public static final String SETTING = "queue-job.web.project-stage";

    static final String FACES_PARAMETER = "jakarta.faces.PROJECT_STAGE";

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        String stage = ConfigProvider.getConfig()
                .getOptionalValue(SETTING, String.class)
                .map(String::strip)
                .filter(value -> !value.isEmpty())
                .orElse("Production");
        context.setInitParameter(FACES_PARAMETER, stage);
    }
}
