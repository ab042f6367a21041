package org.queuejob;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The public surface is explicit: the README's "The public API" lists every public type of the {@code api} package
 * and names the application services an application may use with their package, those services exist, and the
 * {@code api} package needs nothing else of the library. And the README says what an application's build needs.
 */
class PublicApiTest {

    private static final Path README = Path.of("..", "README.md");

    private static JavaClasses classes;
    private static String readme;

    @BeforeAll
    static void read() throws IOException {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.queuejob");
        readme = Files.readString(README);
    }

    /** The section "The public API" of the README, up to the next heading of its level or above. */
    private static String publicApiSection() {
        int start = readme.indexOf("### The public API");
        assertThat(start).as("the README's section 'The public API'").isNotNegative();
        Matcher next = Pattern.compile("\n##+ ").matcher(readme);
        return next.find(start + 1) ? readme.substring(start, next.start()) : readme.substring(start);
    }

    /** The rows of the section's table for {@code pkg}: their type names, backquoted. */
    private static Set<String> typesListedFor(String pkg) {
        Pattern row = Pattern.compile("^\\| `" + Pattern.quote(pkg) + "` \\| (.*?) \\|", Pattern.MULTILINE);
        Pattern type = Pattern.compile("`@?([A-Z][A-Za-z]+)`");
        Matcher rows = row.matcher(publicApiSection());
        Set<String> types = new TreeSet<>();
        while (rows.find()) {
            Matcher named = type.matcher(rows.group(1));
            while (named.find()) {
                types.add(named.group(1));
            }
        }
        return types;
    }

    @Test
    void readmeListsExactlyThePublicTypesOfTheApiPackage() {
        Set<String> publicApi = classes.stream()
                .filter(c -> c.getPackageName().equals("org.queuejob.api"))
                .filter(JavaClass::isTopLevelClass)
                .filter(c -> c.getModifiers().contains(JavaModifier.PUBLIC))
                .map(JavaClass::getSimpleName)
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(typesListedFor("org.queuejob.api")).isEqualTo(publicApi);
    }

    @Test
    void readmeNamesTheApplicationServicesWithTheirPackage_andTheyArePublicClassesThere() {
        Set<String> services = typesListedFor("org.queuejob.application");

        assertThat(services).contains("JobAdminService", "ChannelService", "JobFunctionService", "JobQueryService");
        for (String service : services) {
            JavaClass type = classes.get("org.queuejob.application." + service);
            assertThat(type.getModifiers()).as(service).contains(JavaModifier.PUBLIC);
        }
        for (String mention : List.of("JobAdminService", "ChannelService")) {
            assertThat(readme).as("the first mention of " + mention).contains("`org.queuejob.application." + mention);
        }
    }

    @Test
    void readmeSaysWhatAnApplicationsBuildNeeds() {
        assertThat(readme)
                .as("Flyway, a dependency the library brings")
                .contains("`flyway-core`")
                .contains("`flyway-database-postgresql`");
        assertThat(readme)
                .as("the job module of an EAR depends on the library with provided scope")
                .contains("<scope>provided</scope>")
                .containsPattern("In an \\*\\*EAR\\*\\*, the library is an EJB module of the EAR");
    }

    @Test
    void theApiPackageNeedsNothingElseOfTheLibrary() {
        classes()
                .that()
                .resideInAPackage("org.queuejob.api..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("org.queuejob.api..", "java..", "jakarta..")
                .check(classes);
    }
}
