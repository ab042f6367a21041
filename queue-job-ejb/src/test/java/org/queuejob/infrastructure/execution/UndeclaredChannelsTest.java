package org.queuejob.infrastructure.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.queuejob.domain.model.job.ClaimedJob;
import org.queuejob.domain.scheduling.ChannelConfig;
import org.queuejob.domain.scheduling.ChannelTree;
import org.queuejob.domain.scheduling.UndeclaredChannel;
import org.queuejob.infrastructure.execution.JobRunner.Outcome;

/**
 * A job channel that nothing declares (a typo, {@code root.mial} for {@code root.mail}) runs under an ancestor's
 * capacity: the server log says so, naming both, once per channel, not per job.
 */
class UndeclaredChannelsTest {

    private static final Instant NOW = Instant.parse("2026-12-05T08:00:00Z");
    private static final ChannelTree TREE = ChannelTree.of(ChannelConfig.parse("root:4, root.mail:2, root.billing:1"));

    private final Logger log = Logger.getLogger(UndeclaredChannels.class.getName());
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord logRecord) {
            records.add(logRecord);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    private final UndeclaredChannels undeclared = new UndeclaredChannels();

    @BeforeEach
    void listen() {
        log.addHandler(handler);
    }

    @AfterEach
    void stopListening() {
        log.removeHandler(handler);
    }

    @Test
    void theLeadersFirstJobOfATypoedChannelIsWarnedOnce_namingTheChannelAndTheAncestorItRunsUnder() {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.undeclaredChannels = undeclared;
        dispatcher.init(TREE, 10, new Refill(1));

        for (long id = 1; id <= 5; id++) {
            dispatcher.jobEnded(job(id, "root.mial"), Outcome.FAILED, null);
            dispatcher.jobEnded(job(10 + id, "root.mail"), Outcome.FAILED, null);
        }

        assertThat(messages())
                .singleElement()
                .satisfies(message -> assertThat(message)
                        .contains("Jobs of channel root.mial run under root and share its capacity")
                        .contains("no entry of queue-job.channels and no channel record declares root.mial")
                        .contains("add root.mial:<capacity> to queue-job.channels")
                        .contains("Channels screen"));
        assertThat(records).allSatisfy(logged -> assertThat(logged.getLevel()).isEqualTo(Level.WARNING));
    }

    @Test
    void aSubChannelNothingDeclaresNamesItsNearestDeclaredAncestor_eachChannelOnce() {
        undeclared.scheduled(new UndeclaredChannel("root.mail.eu", "root.mail"));
        undeclared.scheduled(new UndeclaredChannel("root.billing.x", "root.billing"));
        undeclared.scheduled(new UndeclaredChannel("root.mail.eu", "root.mail"));

        assertThat(messages())
                .satisfiesExactly(
                        first -> assertThat(first).startsWith("Jobs of channel root.mail.eu run under root.mail "),
                        second -> assertThat(second)
                                .startsWith("Jobs of channel root.billing.x run under root.billing "));
    }

    @Test
    void atStartAJobFunctionsUndeclaredChannelIsWarnedNamingTheFunctions_andNotAgainWhenItsJobsAreScheduled() {
        undeclared.checkJobFunctions(
                TREE,
                Map.of(
                        "org.acme.Mailer.send", "root.mial",
                        "org.acme.Mailer.bounce", "mial",
                        "org.acme.Billing.invoice", "root.billing",
                        "org.acme.Reports.daily", "root"));

        assertThat(messages())
                .singleElement()
                .satisfies(message -> assertThat(message)
                        .startsWith("Channel root.mial, the channel of job functions org.acme.Mailer.bounce,"
                                + " org.acme.Mailer.send, is declared by no entry of queue-job.channels and no channel record:"
                                + " their jobs will run under root and share its capacity.")
                        .contains("correct @Job(channel)")
                        .contains("add root.mial:<capacity> to queue-job.channels"));

        undeclared.scheduled(new UndeclaredChannel("root.mial", "root"));
        assertThat(records).hasSize(1);
    }

    @Test
    void pastTheBoundOneLineSaysTheRestGoUnnamed() {
        for (int i = 0; i < UndeclaredChannels.MAX_NAMED + 5; i++) {
            undeclared.scheduled(new UndeclaredChannel("root.c" + i, "root"));
        }

        assertThat(records).hasSize(UndeclaredChannels.MAX_NAMED + 1);
        assertThat(messages().get(UndeclaredChannels.MAX_NAMED))
                .startsWith("Jobs go to more than " + UndeclaredChannels.MAX_NAMED + " channels that nothing declares");
    }

    private List<String> messages() {
        return records.stream().map(LogRecord::getMessage).toList();
    }

    private static ClaimedJob job(long id, String channel) {
        return new ClaimedJob(id, UUID.randomUUID(), channel, "f", "[]", false, 0, "u", null, NOW, 1, false);
    }
}
