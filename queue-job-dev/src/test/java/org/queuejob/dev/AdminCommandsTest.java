package org.queuejob.dev;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AdminCommandsTest {

    @Test
    void optionsBecomeParametersOfTheirNames_theOperandDefault_eachValueEncodedWhole() {
        String query = AdminCommands.query(List.of(
                "create-jdbc-connection-pool",
                "--restype=javax.sql.DataSource",
                "--property",
                "user=a b:password=x\\:y&z",
                "queue-job-pool"));

        assertThat(query)
                .isEqualTo("?restype=javax.sql.DataSource&property=user%3Da%20b%3Apassword%3Dx%5C%3Ay%26z"
                        + "&DEFAULT=queue-job-pool");
    }

    @Test
    void aCommandWithNothingMoreHasNoQuery() {
        assertThat(AdminCommands.query(List.of("list-applications"))).isEmpty();
    }
}
