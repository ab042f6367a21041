package org.queuejob.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The back office's style sheet is well formed. A browser drops everything after a rule left open: from 2026-11-30 to
 * 2026-12-04 one missing brace in the Bulk actions rules silently disabled every rule after them (the Recurring jobs
 * table went back to PrimeFaces' fixed layout and cut its job functions and times), and no screen test noticed.
 */
class StyleSheetTest {

    private static final Path APP_CSS = Path.of("src/main/webapp/resources/queue-job/app.css");

    @Test
    void appStyleSheet_closesEveryRule_soNoLaterRuleIsLost() throws IOException {
        assertThat(problems(Files.readString(APP_CSS))).isEmpty();
    }

    @Test
    void aRuleLeftOpen_isFound_withTheLineOfTheRuleAfterIt() {
        String css = """
                .a {
                    color: red;

                /* the next rule opens inside .a */
                .b {
                    color: blue;
                }
                """;

        assertThat(problems(css))
                .containsExactly(
                        "line 5: a rule opens inside another (one above is not closed)",
                        "end of file: 1 rule(s) not closed");
    }

    @Test
    void rulesInsideAnAtRule_areAllowed() {
        assertThat(problems("@media (max-width: 40rem) {\n .a { color: red; }\n}\n.b { color: blue; }\n"))
                .isEmpty();
    }

    /** What is wrong with {@code css}'s braces, comments and strings aside; empty when nothing is. */
    static List<String> problems(String css) {
        List<String> problems = new ArrayList<>();
        // For each open block: whether it is an at-rule's (@media, @supports), where rules may nest.
        Deque<Boolean> open = new ArrayDeque<>();
        StringBuilder prelude = new StringBuilder();
        int line = 1;
        for (int i = 0; i < css.length(); i++) {
            char c = css.charAt(i);
            if (c == '\n') {
                line++;
            }
            if (c == '/' && i + 1 < css.length() && css.charAt(i + 1) == '*') {
                int end = css.indexOf("*/", i + 2);
                int stop = end < 0 ? css.length() : end + 2;
                line += (int)
                        css.substring(i, stop).chars().filter(ch -> ch == '\n').count();
                i = stop - 1;
                continue;
            }
            if (c == '"' || c == '\'') {
                int end = css.indexOf(c, i + 1);
                i = end < 0 ? css.length() - 1 : end;
                continue;
            }
            if (c == '{') {
                if (!open.isEmpty() && !open.peek()) {
                    problems.add("line " + line + ": a rule opens inside another (one above is not closed)");
                }
                open.push(prelude.toString().strip().startsWith("@"));
                prelude.setLength(0);
            } else if (c == '}') {
                if (open.isEmpty()) {
                    problems.add("line " + line + ": a brace closes nothing");
                } else {
                    open.pop();
                }
                prelude.setLength(0);
            } else if (c == ';') {
                prelude.setLength(0);
            } else {
                prelude.append(c);
            }
        }
        if (!open.isEmpty()) {
            problems.add("end of file: " + open.size() + " rule(s) not closed");
        }
        return problems;
    }
}
