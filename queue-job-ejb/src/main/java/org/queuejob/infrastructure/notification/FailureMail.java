package org.queuejob.infrastructure.notification;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.queuejob.api.JobFailed;
import org.queuejob.domain.model.job.StoredText;
import org.queuejob.infrastructure.config.QueueJobClock;

/**
 * Mails a job's failure to the addresses configured for its job function, else for its channel (or the nearest
 * channel above it), else to {@code queue-job.mail.to}. Off unless {@code queue-job.mail.session} names a Jakarta Mail
 * session in JNDI.
 *
 * <p>Rate-limited: at most {@code queue-job.mail.max-per-window} mails (default 10) per {@code
 * queue-job.mail.window-seconds} (default 600); failures beyond that are counted, and one summary mail per window
 * says how many more failed, per job function. 10,000 failures in a minute make 11 mails. Mails are sent on a
 * container thread, never on the worker that ran the job.
 */
@ApplicationScoped
public class FailureMail {

    public static final String SESSION = "queue-job.mail.session";
    public static final String TO = "queue-job.mail.to";
    public static final String TO_CHANNEL = "queue-job.mail.to.channel.";
    /** The setting of the addresses per job function, named {@code <this>.<job function>}. */
    public static final String TO_FUNCTION_SETTING = "queue-job.mail.to.function";

    public static final String TO_FUNCTION = TO_FUNCTION_SETTING + ".";
    public static final String FROM = "queue-job.mail.from";
    public static final String MAX_PER_WINDOW = "queue-job.mail.max-per-window";
    public static final String WINDOW_SECONDS = "queue-job.mail.window-seconds";
    public static final String BACK_OFFICE_URL = "queue-job.mail.back-office-url";

    private static final Logger LOG = Logger.getLogger(FailureMail.class.getName());

    private static final Pattern MESSAGE_LINE_BREAK = Pattern.compile("\\R");

    /**
     * The most of an exception's message a mail carries. A message can be as long as whatever threw it made it (a
     * response body, a whole document); mailed whole, one failure could make a mail the relay refuses, and every
     * recipient reads the start anyway. The job's page shows the message whole.
     */
    static final int MAX_MESSAGE_LENGTH = 2000;

    /** A line break, then spaces up to where "Message:   " puts the message's first line. */
    private static final String MESSAGE_CONTINUATION = "\n" + " ".repeat("Message:   ".length());

    @Inject
    @QueueJobClock
    Clock clock;

    private String sessionName;
    private int maxPerWindow;
    private Duration window;
    private Config config;
    private ScheduledExecutorService executor;

    // Guarded by this.
    private Instant windowStart = Instant.EPOCH;
    private int sentInWindow;
    private final Map<String, Integer> suppressed = new TreeMap<>();
    private final Set<String> suppressedRecipients = new LinkedHashSet<>();
    private ScheduledFuture<?> summary;

    @PostConstruct
    void configure() {
        config = ConfigProvider.getConfig(FailureMail.class.getClassLoader());
        sessionName = config.getOptionalValue(SESSION, String.class)
                .filter(name -> !name.isBlank())
                .orElse(null);
        maxPerWindow = config.getOptionalValue(MAX_PER_WINDOW, Integer.class).orElse(10);
        window = Duration.ofSeconds(
                config.getOptionalValue(WINDOW_SECONDS, Integer.class).orElse(600));
        if (sessionName != null) {
            try {
                executor = InitialContext.doLookup("java:comp/DefaultManagedScheduledExecutorService");
            } catch (NamingException e) {
                LOG.log(Level.WARNING, "No managed scheduled executor: failure mails are off", e);
                sessionName = null;
            }
        }
        if (sessionName != null) {
            LOG.info(() -> String.format(
                    "Job failures are mailed through %s, at most %d mail(s) per %d s",
                    sessionName, maxPerWindow, window.toSeconds()));
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (summary != null) {
            summary.cancel(false);
        }
    }

    /** Whether failures are mailed at all: a session is configured. */
    public boolean isEnabled() {
        return sessionName != null;
    }

    /** A job failed for good: mail it, or count it for the window's summary. Never blocks. */
    public void failed(JobFailed failure) {
        List<String> recipients = recipients(failure.jobFunction(), failure.channel());
        if (recipients.isEmpty()) {
            return;
        }
        boolean send;
        synchronized (this) {
            Instant now = clock.instant();
            if (!now.isBefore(windowStart.plus(window))) {
                windowStart = now;
                sentInWindow = 0;
            }
            send = sentInWindow < maxPerWindow;
            if (send) {
                sentInWindow++;
            } else {
                suppressed.merge(failure.jobFunction(), 1, Integer::sum);
                suppressedRecipients.addAll(recipients);
                if (summary == null) {
                    long delay = Math.max(
                            1, Duration.between(now, windowStart.plus(window)).toMillis());
                    summary = executor.schedule(this::sendSummary, delay, TimeUnit.MILLISECONDS);
                }
            }
        }
        if (send) {
            executor.execute(() -> send(recipients, subject(failure), body(failure)));
        }
    }

    /** The addresses for a job: its function's, else its channel's or the nearest configured above it, else the default. */
    List<String> recipients(String function, String channel) {
        Optional<String> list = config.getOptionalValue(TO_FUNCTION + function, String.class);
        for (String c = channel; list.isEmpty() && c != null; c = parentOf(c)) {
            list = config.getOptionalValue(TO_CHANNEL + c, String.class);
        }
        if (list.isEmpty()) {
            list = config.getOptionalValue(TO, String.class);
        }
        return list.map(value -> Arrays.stream(value.split("[,;\\s]+"))
                        .filter(address -> !address.isBlank())
                        .toList())
                .orElse(List.of());
    }

    private void sendSummary() {
        Map<String, Integer> counts;
        List<String> recipients;
        synchronized (this) {
            counts = new TreeMap<>(suppressed);
            recipients = new ArrayList<>(suppressedRecipients);
            suppressed.clear();
            suppressedRecipients.clear();
            summary = null;
            // The summary is this window's last word; the next failure opens a new window.
            windowStart = clock.instant();
            sentInWindow = 1;
        }
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        if (total == 0) {
            return;
        }
        StringBuilder body = new StringBuilder(String.format(
                "%,d more job(s) failed within %s; they were not mailed one by one (at most %d mails per %s).%n%n",
                total, human(window), maxPerWindow, human(window)));
        counts.forEach((function, count) -> body.append(String.format("%,8d  %s%n", count, function)));
        config.getOptionalValue(BACK_OFFICE_URL, String.class)
                .ifPresent(url -> body.append("\nFailed jobs: ").append(url).append("/jobs.xhtml\n"));
        send(recipients, "[queue-job] " + total + " more job(s) failed", body.toString());
    }

    private static String human(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds < 120 ? seconds + " s" : seconds / 60 + " minutes";
    }

    private static String subject(JobFailed failure) {
        return "[queue-job] Job failed: " + failure.jobFunction();
    }

    private String body(JobFailed failure) {
        return body(failure, config.getOptionalValue(BACK_OFFICE_URL, String.class));
    }

    /** The text of a failure's mail, with a link to the job's page when the back office's address is known. */
    static String body(JobFailed failure, Optional<String> backOfficeUrl) {
        StringBuilder body = new StringBuilder();
        body.append("A job failed and waits for someone to requeue, set done or cancel it.\n\n");
        body.append("Job:       ").append(failure.uuid()).append('\n');
        body.append("Function:  ").append(failure.jobFunction()).append('\n');
        body.append("Channel:   ").append(failure.channel()).append('\n');
        body.append("Try:       ").append(failure.attempt()).append('\n');
        body.append("Failed at: ").append(failure.failedAt()).append('\n');
        body.append("Exception: ").append(failure.exceptionName()).append('\n');
        body.append("Message:   ").append(message(failure.message())).append('\n');
        backOfficeUrl.ifPresent(url -> body.append("\n")
                .append(url)
                .append("/job.xhtml?uuid=")
                .append(failure.uuid())
                .append('\n'));
        return body.toString();
    }

    /**
     * An exception's message as the value of the mail's last field: its further lines indented under the first. The
     * message is written by whatever the job called, from data anybody may have sent it; copied as it was, a line
     * break in it started a line of the mail's own, which could pose as one of its fields or links ("Job: http://...").
     * Every kind of line break ({@code \R}: CR LF, a lone CR, U+2028 and the others) becomes LF plus the indent.
     */
    private static String indented(String message) {
        return MESSAGE_LINE_BREAK.matcher(message).replaceAll(MESSAGE_CONTINUATION);
    }

    /**
     * What the mail says of the message: "(none)" for an exception without one (a bare NullPointerException, say:
     * "null" read as a message that says null), and a long one cut at {@link #MAX_MESSAGE_LENGTH}, saying so.
     */
    private static String message(String message) {
        if (message == null || message.isBlank()) {
            return "(none)";
        }
        if (message.length() <= MAX_MESSAGE_LENGTH) {
            return indented(message);
        }
        return indented(StoredText.prefix(message, MAX_MESSAGE_LENGTH)) + "\u2026" + MESSAGE_CONTINUATION + "(cut: "
                + message.length() + " characters in all; the job's page shows the whole message)";
    }

    private void send(List<String> recipients, String subject, String text) {
        try {
            Session session = InitialContext.doLookup(sessionName);
            MimeMessage message = new MimeMessage(session);
            Optional<String> from = config.getOptionalValue(FROM, String.class);
            if (from.isPresent()) {
                message.setFrom(new InternetAddress(from.get()));
            } else {
                message.setFrom();
            }
            message.setRecipients(Message.RecipientType.TO, addresses(recipients));
            message.setSubject(subject, "UTF-8");
            message.setText(text, "UTF-8");
            message.setSentDate(new java.util.Date());
            Transport.send(message);
        } catch (NamingException | MessagingException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not mail a job failure to " + recipients + ": " + e.getMessage(), e);
        }
    }

    private static InternetAddress[] addresses(List<String> recipients) throws AddressException {
        InternetAddress[] addresses = new InternetAddress[recipients.size()];
        for (int i = 0; i < addresses.length; i++) {
            addresses[i] = new InternetAddress(recipients.get(i), true);
        }
        return addresses;
    }

    private static String parentOf(String channel) {
        int dot = channel.lastIndexOf('.');
        return dot < 0 ? null : channel.substring(0, dot);
    }
}
