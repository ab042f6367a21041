package org.queuejob.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The claimed job's columns are read by position ({@code QueueStore.claimed}), in statements that return them with
 * more after (the done mark passing a slot on returns whether it applied next): a column added to the payload and not
 * counted made every such done mark read as not applied, and its job ran again and again (ClusterIT found it).
 */
class JobStatementsTest {

    @Test
    void thePayloadHasTheColumnsItsReadersCount() {
        assertThat(columns(JobStatements.PAYLOAD)).isEqualTo(JobStatements.PAYLOAD_COLUMNS);
    }

    @Test
    void theLeadersHandOverReturnsThePayloadsColumns_thenItsNotice() {
        String returning = JobStatements.DISPATCH_TO.substring(JobStatements.DISPATCH_TO.indexOf("RETURNING") + 9);

        assertThat(columns(returning)).isEqualTo(JobStatements.PAYLOAD_COLUMNS + 1);
    }

    /** Columns of a select list: its commas outside parentheses, plus one. */
    private static int columns(String selectList) {
        int depth = 0;
        int columns = 1;
        for (char c : selectList.toCharArray()) {
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                columns++;
            }
        }
        return columns;
    }
}
