package org.queuejob;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

/** Rules the library and the back office share ({@link ArchitectureTest}, the back office's WebArchitectureTest). */
public final class ArchitectureRules {

    private ArchitectureRules() {}

    /**
     * No class in {@code packages} reads the system's time itself: the queue's time comes from the
     * {@code @QueueJobClock} {@code Clock}, which a test or a deployment can replace, so every "how long ago" agrees.
     */
    public static ArchRule timeFromTheQueuesClock(String... packages) {
        return noClasses()
                .that()
                .resideInAnyPackage(packages)
                .should()
                .callMethod(Instant.class, "now")
                .orShould()
                .callMethod(LocalDate.class, "now")
                .orShould()
                .callMethod(LocalDateTime.class, "now")
                .orShould()
                .callMethod(OffsetDateTime.class, "now")
                .orShould()
                .callMethod(ZonedDateTime.class, "now")
                .orShould()
                .callMethod(System.class, "currentTimeMillis")
                .because("time comes from the @QueueJobClock Clock (in the back office: JobQueryService.now(),"
                        + " BulkActionService.now())");
    }
}
