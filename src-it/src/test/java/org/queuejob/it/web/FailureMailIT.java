package org.queuejob.it.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.queuejob.it.support.DeployedDemoEar;
import org.queuejob.it.support.ServerSettings;

/**
 * Failure mail through a Jakarta Mail session of the server (a real SMTP server, GreenMail, in this JVM): a failed
 * job is mailed to the addresses of its job function, and a storm of failures makes only the configured number of
 * mails per window and one summary with the rest counted.
 */
class FailureMailIT {

    static final int PORT = freePort();
    static final String SESSION = "mail/queue-job-it";
    static final String STOCK = "stock@example.org";
    static final int STORM = 20;
    static final int MAX = 3;
    static final int WINDOW_SECONDS = 20;

    static GreenMail smtp;

    /** After the settings (whose start undeploys the demo EAR of the class before): no sample traffic meanwhile. */
    @RegisterExtension
    @Order(2)
    static final BeforeAllCallback SMTP_AND_NO_LEFTOVERS = context -> {
        smtp = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        // Sample jobs left waiting by earlier deployments would fail too and use up the window: cancel them. Run
        // alone on a new database, no deployment has created the table yet.
        JobRows.execute("""
                DO $$ BEGIN
                  IF to_regclass('queue_job') IS NOT NULL THEN
                    UPDATE queue_job SET state = 'cancelled', worker = NULL
                     WHERE job_function LIKE 'org.queuejob.sample.%'
                       AND state IN ('wait_dependencies', 'pending', 'enqueued', 'started');
                  END IF;
                END $$""");
    };

    @RegisterExtension
    @Order(1)
    static final ServerSettings MAIL = new ServerSettings(
            Map.of(
                    "queue-job.sample.traffic",
                    "false",
                    "queue-job.mail.session",
                    SESSION,
                    "queue-job.mail.to",
                    "ops@example.org",
                    "queue-job.mail.to.function." + ApiIT.INVENTORY,
                    STOCK,
                    "queue-job.mail.from",
                    "queue-job@example.org",
                    "queue-job.mail.max-per-window",
                    String.valueOf(MAX),
                    // The demo's inventory channel starts one job every 2 s (throttle=2): the storm would take 40 s.
                    // Here it runs four at a time, unthrottled, and fails within a few seconds, well inside the window.
                    "queue-job.channels",
                    "root:4, root.inventory:4",
                    "queue-job.mail.window-seconds",
                    String.valueOf(WINDOW_SECONDS)),
            server -> server.createMailSession(SESSION, "127.0.0.1", PORT, "queue-job@example.org"),
            server -> server.deleteMailSession(SESSION));

    @RegisterExtension
    @Order(3)
    static final DeployedDemoEar EAR = new DeployedDemoEar();

    @RegisterExtension
    @Order(4)
    static final AfterAllCallback STOP_SMTP = context -> smtp.stop();

    @Test
    void aStormOfFailures_makesAFewMailsToTheFunctionsAddresses_andOneSummary() throws Exception {
        Api manager = Api.asManager();
        List<String> uuids = new ArrayList<>();
        for (int i = 0; i < STORM; i++) {
            Api.Reply created = manager.post(
                    "/jobs", "{\"function\":\"" + ApiIT.INVENTORY + "\",\"arguments\":[4,[\"storm-" + i + "\"]]}");
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            uuids.add(created.json().getString("uuid"));
        }
        await().atMost(Duration.ofSeconds(60))
                .until(() -> JobRows.count(
                                "SELECT count(*) FROM queue_job WHERE uuid::text = ANY (?) AND state = 'failed'",
                                (Object) uuids.toArray(String[]::new))
                        == STORM);

        await().atMost(Duration.ofSeconds(30)).until(() -> smtp.getReceivedMessages().length >= MAX);
        assertThat(smtp.getReceivedMessages()).as("mails within the window").hasSize(MAX);
        MimeMessage first = smtp.getReceivedMessages()[0];
        assertThat(first.getSubject()).isEqualTo("[queue-job] Job failed: " + ApiIT.INVENTORY);
        assertThat(Arrays.stream(first.getRecipients(Message.RecipientType.TO)).map(Object::toString))
                .containsExactly(STOCK);
        String body = GreenMailUtil.getBody(first);
        assertThat(body).contains("Warehouse 4 did not answer in time").contains("java.lang.IllegalStateException");
        assertThat(uuids.stream().filter(body::contains)).hasSize(1);

        // The rest of the storm: one summary at the end of the window, counting them.
        MimeMessage[] all = await().atMost(Duration.ofSeconds(90))
                .until(smtp::getReceivedMessages, messages -> messages.length == MAX + 1);
        MimeMessage summary = all[MAX];
        assertThat(summary.getSubject()).isEqualTo("[queue-job] " + (STORM - MAX) + " more job(s) failed");
        assertThat(GreenMailUtil.getBody(summary)).contains((STORM - MAX) + "  " + ApiIT.INVENTORY);
        assertThat(Arrays.stream(summary.getRecipients(Message.RecipientType.TO))
                        .map(Object::toString))
                .containsExactly(STOCK);
        MonitoringIT.saveExample(
                "failure-mail.txt",
                "Subject: " + first.getSubject() + "\n\n" + body + "\n----\nSubject: " + summary.getSubject() + "\n\n"
                        + GreenMailUtil.getBody(summary));
        // Nothing else follows.
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(5))
                .until(() -> smtp.getReceivedMessages().length == MAX + 1);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
