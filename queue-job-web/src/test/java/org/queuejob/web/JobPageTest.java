package org.queuejob.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.queuejob.domain.model.job.QueueJob;

/**
 * The job page ({@code job.xhtml}) and its beans agree: every expression the page evaluates names something its bean
 * has (a name the split of the page's beans left behind would fail only when the page is opened), and the page is
 * given views, never the entity.
 */
class JobPageTest {

    private static final Path JOB_PAGE = Path.of("src/main/webapp/job.xhtml");

    private static final Map<String, Class<?>> BEANS = Map.of(
            "jobBacking", JobBacking.class,
            "jobActionsBacking", JobActionsBacking.class,
            "jobEditBacking", JobEditBacking.class,
            "jobGraphBacking", JobGraphBacking.class,
            "runsTakenAwayBacking", RunsTakenAwayBacking.class);

    private static final List<Class<?>> JOB_PAGE_BEANS =
            List.of(JobBacking.class, JobActionsBacking.class, JobEditBacking.class, JobGraphBacking.class);

    @Test
    void everyBeanPropertyOrMethodThePageUses_isAPublicOneOfThatBean() throws IOException {
        Set<String> used = matches("\\b([a-z]\\w*Backing\\.\\w+\\(?)", page());

        assertThat(used).isNotEmpty();
        assertThat(used).allSatisfy(reference -> {
            String bean = reference.substring(0, reference.indexOf('.'));
            String name = reference.substring(reference.indexOf('.') + 1).replace("(", "");
            assertThat(BEANS).as("bean of %s", reference).containsKey(bean);
            assertThat(publicMethodNames(BEANS.get(bean)))
                    .as(reference)
                    .containsAnyOf(
                            reference.endsWith("(")
                                    ? new String[] {name}
                                    : new String[] {"get" + capitalised(name), "is" + capitalised(name), name});
        });
    }

    @Test
    void everyFieldOfTheJobThePageShows_isInItsView_andEveryFieldOfAGraphMember_inItsRow() throws IOException {
        String page = page();

        Set<String> jobFields = matches("jobBacking\\.job\\.(\\w+)\\(", page);
        Set<String> memberFields = matches("\\bmember\\.(\\w+)\\(", page);

        assertThat(jobFields).hasSizeGreaterThan(15);
        assertThat(componentNames(JobView.class)).containsAll(jobFields);
        assertThat(memberFields).isNotEmpty();
        assertThat(componentNames(JobRow.class)).containsAll(memberFields);
    }

    @Test
    void noPublicMethodOfTheJobPagesBeans_handsOutTheEntity() {
        assertThat(JOB_PAGE_BEANS.stream()
                        .flatMap(bean -> Arrays.stream(bean.getMethods()))
                        .filter(method ->
                                method.getGenericReturnType().getTypeName().contains(QueueJob.class.getName())))
                .isEmpty();
    }

    private static String page() throws IOException {
        return Files.readString(JOB_PAGE);
    }

    private static Set<String> matches(String regex, String text) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        Set<String> found = new LinkedHashSet<>();
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static Set<String> publicMethodNames(Class<?> bean) {
        return Arrays.stream(bean.getMethods())
                .filter(method -> Modifier.isPublic(method.getModifiers()))
                .map(Method::getName)
                .collect(Collectors.toSet());
    }

    private static Set<String> componentNames(Class<?> record) {
        return Arrays.stream(record.getRecordComponents())
                .map(RecordComponent::getName)
                .collect(Collectors.toSet());
    }

    private static String capitalised(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
