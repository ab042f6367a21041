package org.queuejob.infrastructure.interception;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.lang.reflect.Method;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.queuejob.api.Job;
import org.queuejob.api.Recurring;
import org.queuejob.infrastructure.config.MapConfig;
import org.queuejob.infrastructure.serialization.ArgumentCodec;

class RecurringDeclarationsTest {

    static class Reports {
        @Job
        @Recurring(name = "nightly", cron = "0 0 3 * * *")
        public void nightly() {}

        @Job
        @Recurring(name = "per-region", cron = "0 0 4 * * *")
        public void perRegion(String region, int copies) {}

        @Job
        @Recurring(name = "per-customer", cron = "0 0 5 * * *")
        public void perCustomer(Customer customer) {}

        @Job
        @Recurring(name = "overlapping", cron = "0 * * * * *", allowOverlap = true)
        public void overlapping() {}
    }

    @Entity
    static class Customer {
        @Id
        long id;
    }

    private static final Method NIGHTLY = method("nightly");
    private static final Method PER_REGION = method("perRegion", String.class, int.class);
    private static final Method PER_CUSTOMER = method("perCustomer", Customer.class);
    private static final Method OVERLAPPING = method("overlapping");
    private static final String REPORTS = Reports.class.getName();

    @Test
    void anEnabledOverrideOfTrueOrFalseInAnyCaseAppliesAtEveryDeployment() {
        assertThat(declare(MapConfig.of("queue-job.recurring.nightly.enabled", " FALSE "))
                        .configuredEnabled())
                .isFalse();
        assertThat(declare(MapConfig.of("queue-job.recurring.nightly.enabled", "true"))
                        .configuredEnabled())
                .isTrue();
        assertThat(declare(MapConfig.of()).configuredEnabled()).isNull();
        assertThat(declare(MapConfig.of()).enabled()).isTrue();
    }

    @Test
    void anEnabledOverrideThatIsNeitherTrueNorFalseRefusesTheDeploymentInsteadOfDisablingTheJob() {
        // MicroProfile Config's Boolean converter would read each of these as false.
        for (String value : new String[] {"ture", "1", "yes", "on", "enabled"}) {
            assertThatThrownBy(() -> declare(MapConfig.of("queue-job.recurring.nightly.enabled", value)))
                    .as(value)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("queue-job.recurring.nightly.enabled: \"" + value + "\" is neither true nor false.");
        }
    }

    @Test
    void runsDoNotOverlapUnlessTheAnnotationOrTheConfigurationSaysTheyMay() {
        assertThat(declare(MapConfig.of()).allowOverlap())
                .as("the annotation's default")
                .isFalse();
        assertThat(declaration(MapConfig.of(), "overlapping", OVERLAPPING).allowOverlap())
                .as("the annotation's")
                .isTrue();
        assertThat(declare(MapConfig.of("queue-job.recurring.nightly.allow-overlap", " TRUE "))
                        .allowOverlap())
                .isTrue();
        assertThat(declaration(
                                MapConfig.of("queue-job.recurring.overlapping.allow-overlap", "false"),
                                "overlapping",
                                OVERLAPPING)
                        .allowOverlap())
                .as("the configuration's, over the annotation's")
                .isFalse();
    }

    @Test
    void anAllowOverlapOverrideThatIsNeitherTrueNorFalse_refusesTheDeploymentNamingTheSetting() {
        for (String value : new String[] {"ture", "1", "yes"}) {
            assertThatThrownBy(() -> declare(MapConfig.of("queue-job.recurring.nightly.allow-overlap", value)))
                    .as(value)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(
                            "queue-job.recurring.nightly.allow-overlap: \"" + value + "\" is neither true nor false.");
        }
    }

    @Test
    void overridesOfNoDeclaredRecurringJobOrOfNoKnownKeyAreFound_soThatTheyAreNotSilentlyIgnored() {
        MapConfig config = MapConfig.of(
                "queue-job.recurring.nightly.cron", "0 0 4 * * *",
                "queue-job.recurring.nightly.enabled", "false",
                "queue-job.recurring.nightly.allow-overlap", "true",
                "queue-job.recurring.nightly.allow_overlap", "true",
                "queue-job.recurring.org.acme.Reports.weekly.zone", "Europe/Paris",
                "queue-job.recurring.nightli.cron", "0 0 4 * * *",
                "queue-job.recurring.nightly.crn", "0 0 4 * * *",
                "queue-job.recurring.nightly", "0 0 4 * * *",
                "queue-job.recurring.nightly.zone", "");

        assertThat(RecurringDeclarations.unknownOverrides(config, Set.of("nightly", "org.acme.Reports.weekly")))
                .containsExactly(
                        "queue-job.recurring.nightli.cron",
                        "queue-job.recurring.nightly",
                        "queue-job.recurring.nightly.allow_overlap",
                        "queue-job.recurring.nightly.crn");
    }

    @Test
    void configuredArgumentsOfTheWrongType_refuseTheDeploymentNamingTheSettingTheArgumentAndWhatItMustBe() {
        assertThat(argumentsProblem("[\"eu\", \"three\"]"))
                .isEqualTo("queue-job.recurring.per-region.arguments: Argument 2 of " + REPORTS
                        + ".perRegion(String, int) must be a whole number, not the text \"three\".");
        assertThat(argumentsProblem("[7, 3]"))
                .isEqualTo("queue-job.recurring.per-region.arguments: Argument 1 of " + REPORTS
                        + ".perRegion(String, int) must be text (a JSON string), not the number 7.");
        assertThat(argumentsProblem("[\"eu\", null]"))
                .isEqualTo("queue-job.recurring.per-region.arguments: Argument 2 of " + REPORTS
                        + ".perRegion(String, int) cannot be null: its type is int.");
        // JSON-B would read 2.5 as 2: the job would run with another value than the one configured.
        assertThat(argumentsProblem("[\"eu\", 2.5]"))
                .isEqualTo("queue-job.recurring.per-region.arguments: Argument 2 of " + REPORTS
                        + ".perRegion(String, int) would be stored as 2, not as the 2.5 given: send it as its"
                        + " parameter's type reads it.");
        assertThat(argumentsProblem("[\"eu\", 99999999999]"))
                .startsWith("queue-job.recurring.per-region.arguments: The arguments do not fit " + REPORTS
                        + ".perRegion(String, int): ");
    }

    @Test
    void configuredArgumentsOfTheParametersTypes_areTakenAsTheyAreWritten() {
        RecurringDeclaration declaration = declarePerRegion("[\"eu\", 3]");
        try (RecurringDeclarations.DeploymentCodec codec = new RecurringDeclarations.DeploymentCodec(MapConfig.of())) {
            RecurringDeclarations.checkArguments(declaration, codec);
        }
        assertThat(declaration.argumentsJson()).isEqualTo("[\"eu\",3]");
    }

    @Test
    void configuredArgumentsOverTheArgumentsSizeLimit_refuseTheDeployment_asTheyWouldRefuseTheJob() {
        MapConfig config = MapConfig.of(
                "queue-job.recurring.per-region.arguments", "[\"europe\", 3]", "queue-job.max-arguments-bytes", "11");

        assertThatThrownBy(() -> check(declaration(config, "per-region", PER_REGION), config))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("queue-job.recurring.per-region.arguments: The arguments of Reports.perRegion"
                        + " take 12 bytes as JSON, over the limit of 11 (queue-job.max-arguments-bytes).");
    }

    @Test
    void aMethodWithoutParameters_orWithAnEntityParameter_makesNoJsonbInstanceAtDeployment() {
        // An entity is read from the database, which no extension reaches: RecurringJobService checks it at start.
        MapConfig config = MapConfig.of("queue-job.recurring.per-customer.arguments", "[{\"id\": 1}]");
        Supplier<ArgumentCodec> none = () -> {
            throw new AssertionError("no codec needed");
        };

        RecurringDeclarations.checkArguments(declare(MapConfig.of()), none);
        RecurringDeclarations.checkArguments(declaration(config, "per-customer", PER_CUSTOMER), none);
    }

    private static String argumentsProblem(String json) {
        RecurringDeclaration declaration = declarePerRegion(json);
        try {
            check(declaration, MapConfig.of());
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        throw new AssertionError(json + " was taken");
    }

    private static void check(RecurringDeclaration declaration, MapConfig config) {
        try (RecurringDeclarations.DeploymentCodec codec = new RecurringDeclarations.DeploymentCodec(config)) {
            RecurringDeclarations.checkArguments(declaration, codec);
        }
    }

    private static RecurringDeclaration declarePerRegion(String json) {
        return declaration(MapConfig.of("queue-job.recurring.per-region.arguments", json), "per-region", PER_REGION);
    }

    private static RecurringDeclaration declare(MapConfig config) {
        return declaration(config, "nightly", NIGHTLY);
    }

    private static RecurringDeclaration declaration(MapConfig config, String name, Method method) {
        return RecurringDeclarations.declaration(config, name, method, method.getAnnotation(Recurring.class));
    }

    private static Method method(String name, Class<?>... parameters) {
        try {
            return Reports.class.getMethod(name, parameters);
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
    }
}
