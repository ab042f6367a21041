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
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The pages and their beans agree: every expression a page evaluates names something its bean has (a name a split or
 * a rename of the beans left behind would otherwise fail only when the page is opened, in a browser test or in use),
 * and the job page shows only what its views carry. That pages are given views, never entities, is checked for every
 * bean by {@link WebArchitectureTest}.
 */
class PagesTest {

    private static final Path PAGES = Path.of("src/main/webapp");

    private static final Path JOB_PAGE = PAGES.resolve("job.xhtml");

    @Test
    void everyBeanPropertyOrMethodAPageUses_isAPublicOneOfThatBean() throws IOException {
        List<Path> pages = pages();
        assertThat(pages).hasSizeGreaterThan(8);
        for (Path page : pages) {
            Set<String> used = matches("\\b([a-z]\\w*Backing\\.\\w+\\(?)", Files.readString(page));
            assertThat(used).allSatisfy(reference -> {
                String bean = reference.substring(0, reference.indexOf('.'));
                String name = reference.substring(reference.indexOf('.') + 1).replace("(", "");
                assertThat(publicMethodNames(beanClass(bean)))
                        .as("%s in %s", reference, page)
                        .containsAnyOf(
                                reference.endsWith("(")
                                        ? new String[] {name}
                                        : new String[] {"get" + capitalised(name), "is" + capitalised(name), name});
            });
        }
    }

    @Test
    void everyFieldOfTheJobThePageShows_isInItsView_andEveryFieldOfAGraphMember_inItsRow() throws IOException {
        String page = Files.readString(JOB_PAGE);

        Set<String> jobFields = matches("jobBacking\\.job\\.(\\w+)\\(", page);
        Set<String> memberFields = matches("\\bmember\\.(\\w+)\\(", page);

        assertThat(jobFields).hasSizeGreaterThan(15);
        assertThat(componentNames(JobView.class)).containsAll(jobFields);
        assertThat(memberFields).isNotEmpty();
        assertThat(componentNames(JobRow.class)).containsAll(memberFields);
    }

    private static List<Path> pages() throws IOException {
        try (Stream<Path> files = Files.walk(PAGES)) {
            return files.filter(file -> file.toString().endsWith(".xhtml"))
                    .sorted()
                    .toList();
        }
    }

    /** A bean by its EL name: {@code @Named} beans are named after their class ({@code jobsBacking}: JobsBacking). */
    private static Class<?> beanClass(String name) {
        try {
            return Class.forName("org.queuejob.web." + capitalised(name));
        } catch (ClassNotFoundException e) {
            throw new AssertionError("No bean class for " + name, e);
        }
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
