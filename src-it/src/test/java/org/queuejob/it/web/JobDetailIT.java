package org.queuejob.it.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The job page: every field, the buttons of each state (answered with a redirect to the job's own address), the
 * editable fields, the exception as the original shows it, a running job's page that follows the job, and a graph's
 * drawing (laid out by ELK: edges around the jobs, big graphs navigable).
 */
class JobDetailIT extends BrowserTest {

    @BeforeEach
    void login() {
        browser.loginAsManager();
    }

    @Test
    void failedJob_showsTriesJsonAndTrace_andRequeueMakesItPending() {
        String channel = JobRows.uniqueChannel("detail-failed");
        JobRows.Stored job = JobRows.aFailedJob(channel, "java.io.IOException", "Disk full")
                .description("Export the ledger")
                .store();

        browser.open("/job.xhtml?uuid=" + job.uuid());
        assertThat(browser.waitFor(By.id("jobTries")).getText()).isEqualTo("try 2 / 5");
        assertThat(browser.driver().findElement(By.id("jobArguments")).getText())
                .contains("\"customer\": 42")
                .contains("\n");
        assertThat(browser.driver().findElement(By.id("jobExcInfo")).getText())
                .startsWith("java.io.IOException: Disk full")
                .contains("at org.example.Fixture.run(Fixture.java:42)");
        assertThat(browser.driver().findElement(By.id("jobExcInfo")).getCssValue("font-family"))
                .containsIgnoringCase("mono");
        assertThat(browser.shown(By.id("actionsForm:requeue"))).hasSize(1);
        assertThat(browser.shown(By.id("actionsForm:setDone"))).hasSize(1);
        assertThat(browser.shown(By.id("actionsForm:cancelJob"))).hasSize(1);
        browser.screenshotFullPage("job-detail-failed");

        browser.click(By.id("actionsForm:requeue"));

        assertThat(browser.waitFor(By.id("jobState")).getText()).isEqualToIgnoringCase("pending");
        assertThat(JobRows.state(job.uuid())).isEqualTo("pending");
        assertThat(browser.driver().findElement(By.id("jobTries")).getText()).isEqualTo("try 0 / 5");
        assertThat(browser.shown(By.id("actionsForm:requeue"))).isEmpty();
    }

    /**
     * The job moves on while its page is open (here another manager sets it done): the Requeue sent after that, meant
     * for a failed job, requeues nothing and says why. Before, it requeued the done job: the page's view held the job
     * as it was drawn, and the service allows a requeue from done (as the original's requeue wizard does).
     */
    @Test
    void requeueSentAfterTheJobWasSetDoneElsewhere_saysWhyNothingWasDone() {
        JobRows.Stored job = JobRows.aFailedJob(JobRows.uniqueChannel("detail-moved-on"), "java.io.IOException", "Full")
                .store();
        browser.open("/job.xhtml?uuid=" + job.uuid());
        assertThat(browser.shown(By.id("actionsForm:requeue"))).hasSize(1);

        JobRows.execute(
                "UPDATE queue_job SET state = 'done', date_done = now() WHERE uuid = CAST(? AS uuid)",
                job.uuid().toString());
        browser.click(By.id("actionsForm:requeue"));

        assertThat(browser.waitFor(By.id("actionsForm:messages")).getText())
                .contains("This job changed while the page was open: it is now done. Nothing was done");
        assertThat(browser.driver().findElement(By.id("jobState")).getText()).isEqualToIgnoringCase("done");
        assertThat(browser.shown(By.cssSelector("#actionsForm button"))).isEmpty();
        // No action applies to a done job, but the card stays for the message that says why nothing was done.
        assertThat(browser.shown(By.id("actionsForm"))).hasSize(1);
        assertThat(JobRows.state(job.uuid())).isEqualTo("done");
    }

    /** Nothing interrupts a job past its timeout (an hour by default): its page says so, and what happens next. */
    @Test
    void aJobStartedLongerAgoThanItsTimeout_saysSoOnItsPage_andOneWithinItSaysNothing() {
        String channel = JobRows.uniqueChannel("detail-overrun");
        JobRows.Stored late = JobRows.aJobStartedAgo(channel, Duration.ofMinutes(75));
        JobRows.Stored onTime = JobRows.aJobStartedAgo(channel, Duration.ofMinutes(5));

        try {
            browser.open("/job.xhtml?uuid=" + late.uuid());
            assertThat(browser.waitFor(By.id("jobOverrun")).getText())
                    .contains("Running for 1 h 15 min, past its timeout of 1 h 00 min (queue-job.job-timeout-seconds):"
                            + " it fails when it returns, and its work is rolled back.");
            browser.screenshot("job-overrun");
            browser.open("/job.xhtml?uuid=" + onTime.uuid());
            assertThat(browser.waitFor(By.id("jobState")).getText()).isEqualToIgnoringCase("started");
            assertThat(browser.shown(By.id("jobOverrun"))).isEmpty();
        } finally {
            JobRows.delete(late, onTime);
        }
    }

    /** The worker that ran a job opens the list of that server's jobs, ended ones included, and no other's. */
    @Test
    void theWorkerThatRanAJob_opensTheListOfThatServersJobs() {
        String channel = JobRows.uniqueChannel("detail-worker");
        String server = "detail-" + UUID.randomUUID() + "@host/domain";
        JobRows.Stored ran = JobRows.aDoneJob(channel, 120).worker(server).store();
        JobRows.Stored failedThere = JobRows.aFailedJob(channel, "java.io.IOException", "Disk full")
                .worker(server)
                .store();
        JobRows.Stored elsewhere =
                JobRows.aDoneJob(channel, 90).worker("other-" + server).store();

        browser.open("/job.xhtml?uuid=" + ran.uuid());
        browser.waitFor(By.id("jobWorker"));
        browser.screenshot("job-worker");
        browser.click(By.id("jobWorker"));

        browser.waitFor(By.cssSelector("tr[data-rk='" + failedThere.uuid() + "']"));
        assertThat(browser.shown(By.cssSelector("tr[data-rk='" + ran.uuid() + "']")))
                .as("the done job itself")
                .hasSize(1);
        assertThat(browser.shown(By.cssSelector("tr[data-rk='" + elsewhere.uuid() + "']")))
                .as("another server's job")
                .isEmpty();
        assertThat(browser.driver().findElement(By.id("jobsForm:worker")).getAttribute("value"))
                .isEqualTo(server);
    }

    @Test
    void doneJob_hasNoActionButtons_norAnEmptyActionsCard() {
        JobRows.Stored job =
                JobRows.aDoneJob(JobRows.uniqueChannel("detail-done"), 250).store();

        browser.open("/job.xhtml?uuid=" + job.uuid());
        assertThat(browser.waitFor(By.id("jobState")).getText()).isEqualToIgnoringCase("done");
        assertThat(browser.shown(By.cssSelector("#actionsForm button"))).isEmpty();
        assertThat(browser.shown(By.id("actionsForm")))
                .as("the card of actions, empty for a done job")
                .isEmpty();
        assertThat(browser.driver().findElement(By.id("jobResult")).getText()).isEqualTo("fixture result");
        // The function's name reads whole, with a line-break opportunity after each dot only.
        assertThat(browser.driver().findElement(By.id("jobFunction")).getText()).isEqualTo(JobRows.FIXTURE_FUNCTION);
        assertThat(browser.driver().findElements(By.cssSelector("#jobFunction wbr")))
                .hasSize(JobRows.FIXTURE_FUNCTION.split("\\.", -1).length);
    }

    @Test
    void editingPriorityEtaAndChannel_savesThem() {
        String channel = JobRows.uniqueChannel("detail-edit");
        String target = JobRows.uniqueChannel("detail-moved");
        JobRows.Stored job = JobRows.aJob(channel).store();

        browser.open("/job.xhtml?uuid=" + job.uuid());
        browser.type(By.id("actionsForm:editPriority"), "2");
        browser.type(By.id("actionsForm:editChannel"), target);
        // The date last: its picker opens on focus and takes the keys while open, which lost the channel's text once.
        browser.setDate(By.id("actionsForm:editEta_input"), "2031-05-04 03:02:00");
        assertThat(browser.driver()
                        .findElement(By.id("actionsForm:editChannel"))
                        .getAttribute("value"))
                .isEqualTo(target);
        browser.click(By.id("actionsForm:save"));

        browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("actionsForm:messages"), "Saved."));
        assertThat(browser.driver().findElement(By.id("jobChannel")).getText()).isEqualTo(target);
        assertThat(browser.driver().findElement(By.id("jobPriority")).getText()).isEqualTo("2");
        assertThat(browser.driver().findElement(By.id("jobEta")).getText()).isEqualTo("2031-05-04 03:02:00");
        assertThat(JobRows.queryString(
                        "SELECT priority || ' ' || channel || ' ' || to_char(eta AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI')"
                                + " FROM queue_job WHERE uuid = ?::uuid",
                        job.uuid().toString()))
                .isEqualTo("2 " + target + " 2031-05-04 03:02");
    }

    /** The page shows the eta to the second; a save of the priority alone used to store it rounded to the minute. */
    @Test
    void savingThePriority_leavesAnUntouchedEtaAsStored_toTheMicrosecond() {
        JobRows.Stored job =
                JobRows.aJob(JobRows.uniqueChannel("detail-eta-kept")).store();
        JobRows.execute(
                "UPDATE queue_job SET eta = ? WHERE id = ?",
                java.sql.Timestamp.from(java.time.Instant.parse("2031-05-04T14:30:45.123456Z")),
                job.id());

        browser.open("/job.xhtml?uuid=" + job.uuid());
        assertThat(browser.driver()
                        .findElement(By.id("actionsForm:editEta_input"))
                        .getDomProperty("value"))
                .isEqualTo("2031-05-04 14:30:45");
        browser.type(By.id("actionsForm:editPriority"), "4");
        browser.click(By.id("actionsForm:save"));

        browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("actionsForm:messages"), "Saved."));
        assertThat(JobRows.queryString(
                        "SELECT priority || ' ' || to_char(eta AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US')"
                                + " FROM queue_job WHERE id = ?",
                        job.id()))
                .isEqualTo("4 2031-05-04 14:30:45.123456");
    }

    /** Another person changed the priority after the page was drawn: this save refuses rather than overwrite it. */
    @Test
    void aFieldChangedMeanwhileBySomeoneElse_refusesTheSave_andTheirChangeStays() {
        String channel = JobRows.uniqueChannel("detail-meanwhile");
        JobRows.Stored job = JobRows.aJob(channel).store();

        browser.open("/job.xhtml?uuid=" + job.uuid());
        JobRows.execute("UPDATE queue_job SET priority = 7 WHERE id = ?", job.id());
        browser.type(By.id("actionsForm:editPriority"), "4");
        browser.click(By.id("actionsForm:save"));

        browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(
                By.id("actionsForm:messages"), "Changed by someone else meanwhile (priority); nothing saved"));
        assertThat(JobRows.queryString("SELECT priority || ' ' || channel FROM queue_job WHERE id = ?", job.id()))
                .isEqualTo("7 " + channel);
    }

    @Test
    void anEtaWithAFiveDigitYear_isRefusedWithTheRule_nothingIsSaved_andTheTextStaysToBeCorrected() {
        String channel = JobRows.uniqueChannel("detail-year");
        JobRows.Stored job = JobRows.aJob(channel).store();

        browser.open("/job.xhtml?uuid=" + job.uuid());
        browser.type(By.id("actionsForm:editPriority"), "3");
        // Typed in the field, a year has as many digits as the user gives it.
        browser.setDate(By.id("actionsForm:editEta_input"), "20310-05-04 03:02:00");
        browser.click(By.id("actionsForm:save"));

        browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(
                By.id("actionsForm:messages"), "from the year 1 to the year 9999"));
        browser.screenshot("job-eta-refused");
        assertThat(browser.driver().findElement(By.id("actionsForm:messages")).getText())
                .doesNotContain("Saved.")
                .doesNotContain("actionsForm");
        assertThat(JobRows.queryString(
                        "SELECT priority || ' ' || coalesce(to_char(eta, 'YYYY'), 'no eta') FROM queue_job"
                                + " WHERE uuid = ?::uuid",
                        job.uuid().toString()))
                .as("neither the eta nor the priority saved with it")
                .isEqualTo("10 no eta");
        assertThat(browser.driver()
                        .findElement(By.id("actionsForm:editEta_input"))
                        .getDomProperty("value"))
                .as("the refused text, still in the field for the user to correct")
                .isEqualTo("20310-05-04 03:02:00");
        assertThat(browser.driver()
                        .findElement(By.id("actionsForm:editPriority"))
                        .getDomProperty("value"))
                .isEqualTo("3");
    }

    /**
     * The parent is started on a live server, as a run no one can see the end of: the page says what becomes of that
     * run (the interrupt is on by default; the server itself has no such run, so nothing is interrupted here).
     */
    @Test
    void cancel_cancelsTheJobAndItsDescendants_andSaysWhatBecomesOfItsRun() {
        String channel = JobRows.uniqueChannel("detail-cancel");
        try (JobRows.LiveServer live = JobRows.aLiveServer("detail-cancel")) {
            String server = live.name();
            UUID graph = UUID.randomUUID();
            JobRows.Stored parent = JobRows.aJob(channel)
                    .graph(graph)
                    .state("started")
                    .worker(server)
                    .description("Parent")
                    .store();
            JobRows.Stored child = JobRows.aJob(channel)
                    .graph(graph)
                    .state("wait_dependencies")
                    .description("Child")
                    .store();
            JobRows.dependency(parent, child);

            browser.open("/job.xhtml?uuid=" + parent.uuid());
            browser.click(By.id("actionsForm:cancelJob"));

            assertThat(browser.waitFor(By.id("jobState")).getText()).isEqualToIgnoringCase("cancelled");
            assertThat(JobRows.state(child.uuid())).isEqualTo("cancelled");
            assertThat(browser.waitFor(By.id("actionsForm:messages")).getText())
                    .contains(
                            "Cancelled, with the jobs that depend on it. If its method is running, its server interrupts"
                                    + " it within two seconds (queue-job.cancel-interrupt is true); its work is rolled back.");
            browser.screenshot("job-cancelled-while-running");
        }
    }

    @Test
    void setDone_marksTheJobDoneByTheManager_andReleasesItsWaitingChild() {
        String channel = JobRows.uniqueChannel("detail-done-button");
        UUID graph = UUID.randomUUID();
        JobRows.Stored parent = JobRows.aFailedJob(channel, "java.io.IOException", "Disk full")
                .graph(graph)
                .store();
        JobRows.Stored child =
                JobRows.aJob(channel).graph(graph).state("wait_dependencies").store();
        JobRows.dependency(parent, child);

        browser.open("/job.xhtml?uuid=" + parent.uuid());
        browser.click(By.id("actionsForm:setDone"));

        assertThat(browser.waitFor(By.id("jobState")).getText()).isEqualToIgnoringCase("done");
        assertThat(browser.driver().findElement(By.id("jobResult")).getText())
                .isEqualTo("Manually set to done by manager");
        assertThat(JobRows.state(child.uuid())).isEqualTo("pending");
    }

    @Test
    void jobOfAGraph_drawsTheGraphColouredByState_andNodesOpenTheirJob() {
        String channel = JobRows.uniqueChannel("detail-graph");
        UUID graph = UUID.randomUUID();
        JobRows.Stored invoice = JobRows.aDoneJob(channel, 300)
                .graph(graph)
                .description("Invoice order 7")
                .store();
        JobRows.Stored reserve = JobRows.aFailedJob(channel, "java.lang.IllegalStateException", "No stock")
                .graph(graph)
                .description("Reserve stock")
                .store();
        JobRows.Stored mail = JobRows.aJob(channel)
                .graph(graph)
                .state("wait_dependencies")
                .description("Mail invoice")
                .store();
        JobRows.Stored ship = JobRows.aJob(channel)
                .graph(graph)
                .state("wait_dependencies")
                .description("Book shipping")
                .store();
        JobRows.dependency(invoice, mail);
        JobRows.dependency(reserve, mail);
        JobRows.dependency(invoice, ship);
        JobRows.dependency(reserve, ship);

        browser.open("/job.xhtml?uuid=" + mail.uuid());
        WebElement svg = browser.waitFor(By.cssSelector("#graph svg"));
        List<WebElement> nodes = svg.findElements(By.cssSelector("a.qj-node-link"));
        assertThat(nodes).hasSize(4);
        assertThat(svg.findElements(By.cssSelector("path.qj-edge"))).hasSize(4);
        assertThat(svg.findElement(By.cssSelector("[id='node-" + reserve.uuid() + "'] rect"))
                        .getAttribute("class"))
                .contains("qj-node-failed");
        assertThat(svg.findElement(By.cssSelector("[id='node-" + mail.uuid() + "'] rect"))
                        .getAttribute("class"))
                .contains("qj-node-current");
        assertThat(browser.driver().findElement(By.id("graphCount")).getText()).isEqualTo("4");
        browser.screenshotFullPage("job-graph");

        browser.click(By.cssSelector("[id='node-" + reserve.uuid() + "']"));
        browser.waitUntil(ExpectedConditions.urlContains(reserve.uuid().toString()));
        assertThat(browser.waitFor(By.id("jobDescription")).getText()).isEqualTo("Reserve stock");
    }

    // Post-redirect-get, a running job, the exception as the original shows it (item 12) ----------------------------

    @Test
    void action_answersWithTheJobsOwnAddress_andAReloadPostsNothingAgain() {
        JobRows.Stored job = JobRows.aFailedJob(JobRows.uniqueChannel("detail-prg"), "java.io.IOException", "Disk full")
                .store();
        browser.open("/job.xhtml?uuid=" + job.uuid());

        browser.click(By.id("actionsForm:requeue"));

        browser.waitUntil(ExpectedConditions.urlContains("/job.xhtml?uuid=" + job.uuid()));
        browser.waitUntil(
                d -> d.findElement(By.id("actionsForm:messages")).getText().contains("Requeued."));
        assertThat(browser.driver().findElement(By.id("jobState")).getText()).isEqualToIgnoringCase("pending");

        browser.driver().navigate().refresh();
        browser.waitForPrimeFacesAjax();
        assertThat(browser.waitFor(By.id("jobState")).getText()).isEqualToIgnoringCase("pending");
        assertThat(browser.driver().findElement(By.id("actionsForm:messages")).getText())
                .as("a reload shows the job, and neither the message again nor a second requeue's refusal")
                .isEmpty();
        assertThat(browser.driver().getCurrentUrl()).contains("uuid=" + job.uuid());
    }

    @Test
    void runningJob_pageFollowsTheJob_andShowsItDoneOnceItEnds() {
        try (JobRows.LiveServer live = JobRows.aLiveServer("detail-running")) {
            String server = live.name();
            JobRows.Stored job = JobRows.aJob(JobRows.uniqueChannel("detail-running"))
                    .state("started")
                    .worker(server)
                    .store();
            browser.open("/job.xhtml?uuid=" + job.uuid());
            assertThat(browser.waitFor(By.id("jobState")).getText()).isEqualToIgnoringCase("started");

            JobRows.execute(
                    "UPDATE queue_job SET state = 'done', date_done = now(), result = 'fixture result', worker = NULL"
                            + " WHERE uuid = ?::uuid",
                    job.uuid().toString());

            browser.waitUntil(
                    d -> d.findElement(By.id("jobState")).getText().equalsIgnoreCase("done"), Duration.ofSeconds(20));
            assertThat(browser.driver().findElement(By.id("jobResult")).getText())
                    .isEqualTo("fixture result");
            assertThat(browser.driver().getCurrentUrl()).contains("uuid=" + job.uuid());
        }
    }

    @Test
    void failedByMaxRetries_showsItsMessage_withoutAnEmptyStackTraceBox() {
        JobRows.Stored job = JobRows.aJob(JobRows.uniqueChannel("detail-max-retries"))
                .state("failed")
                .retry(5)
                .exception(
                        "org.queuejob.api.RetryableJobException",
                        "Max. retries (5) reached: Payment gateway busy",
                        null)
                .store();

        browser.open("/job.xhtml?uuid=" + job.uuid());

        assertThat(browser.waitFor(By.id("jobExcMessage")).getText())
                .isEqualTo("Max. retries (5) reached: Payment gateway busy");
        assertThat(browser.driver().findElements(By.cssSelector(".qj-stack-trace")))
                .isEmpty();
        assertThat(browser.driver().findElements(By.id("copyStackTrace"))).isEmpty();
    }

    @Test
    void jobDoneAfterFailing_showsNoException_asTheOriginal() {
        // What the done mark leaves of an earlier failure: the message, not the exception nor its trace (F41).
        JobRows.Stored job = JobRows.aDoneJob(JobRows.uniqueChannel("detail-done-after-failure"), 120)
                .exception(null, "Payment gateway busy", null)
                .store();

        browser.open("/job.xhtml?uuid=" + job.uuid());

        assertThat(browser.waitFor(By.id("jobState")).getText()).isEqualToIgnoringCase("done");
        assertThat(browser.driver().findElements(By.id("exception"))).isEmpty();
        assertThat(browser.driver().findElement(By.tagName("main")).getText())
                .doesNotContain("Exception information")
                .doesNotContain("Payment gateway busy");
    }

    // Graph layout and navigation (item 13) ------------------------------------------------------------------------

    @Test
    void edgeThatSkipsALevel_isRoutedAroundTheJobOfThatLevel() {
        String channel = JobRows.uniqueChannel("detail-skip");
        UUID graph = UUID.randomUUID();
        JobRows.Stored a =
                JobRows.aDoneJob(channel, 10).graph(graph).description("A").store();
        JobRows.Stored b =
                JobRows.aDoneJob(channel, 10).graph(graph).description("B").store();
        JobRows.Stored c = JobRows.aJob(channel).graph(graph).description("C").store();
        JobRows.Stored d = JobRows.aJob(channel)
                .graph(graph)
                .state("wait_dependencies")
                .description("D")
                .store();
        JobRows.dependency(a, b);
        JobRows.dependency(b, c);
        JobRows.dependency(c, d);
        JobRows.dependency(b, d);

        browser.open("/job.xhtml?uuid=" + d.uuid());
        WebElement svg = browser.waitFor(By.cssSelector("#graph svg"));

        List<WebElement> rects = svg.findElements(By.cssSelector("rect.qj-node"));
        List<WebElement> edges = svg.findElements(By.cssSelector("path.qj-edge"));
        assertThat(rects).hasSize(4);
        assertThat(edges).hasSize(4);
        // Read from the page once: each attribute is a round trip to the browser (reading them inside the loops
        // took 20 s).
        List<double[]> boxes = rects.stream()
                .map(rect -> new double[] {
                    Double.parseDouble(rect.getAttribute("x")) + 2,
                    Double.parseDouble(rect.getAttribute("y")) + 2,
                    Double.parseDouble(rect.getAttribute("width")) - 4,
                    Double.parseDouble(rect.getAttribute("height")) - 4
                })
                .toList();
        for (String path : edges.stream().map(edge -> edge.getAttribute("d")).toList()) {
            double[] points = java.util.Arrays.stream(path.split("[ML ]+"))
                    .filter(part -> !part.isBlank())
                    .mapToDouble(Double::parseDouble)
                    .toArray();
            for (double[] box : boxes) {
                double left = box[0];
                double top = box[1];
                double right = left + box[2];
                double bottom = top + box[3];
                for (int i = 0; i + 3 < points.length; i += 2) {
                    for (int step = 0; step <= 50; step++) {
                        double x = points[i] + (points[i + 2] - points[i]) * step / 50;
                        double y = points[i + 1] + (points[i + 3] - points[i + 1]) * step / 50;
                        assertThat(x > left && x < right && y > top && y < bottom)
                                .as("edge %s passes through a job's box", path)
                                .isFalse();
                    }
                }
            }
        }
        browser.screenshotFullPage("job-graph-skip");
    }

    @Test
    void chainOfAThousandJobs_opensInSeconds_onTheCurrentJob_andZoomsToTheWholeGraph() {
        List<UUID> steps = JobRows.insertChain(1000, JobRows.uniqueChannel("detail-chain"));
        UUID middle = steps.get(499);

        long started = System.nanoTime();
        browser.open("/job.xhtml?uuid=" + middle);
        WebElement svg = browser.waitFor(By.cssSelector("#graph svg"));
        Duration opened = Duration.ofNanos(System.nanoTime() - started);

        assertThat(opened).isLessThan(Duration.ofSeconds(20));
        assertThat(svg.findElements(By.cssSelector("a.qj-node-link"))).hasSize(1000);
        assertThat(Long.parseLong(svg.getAttribute("width")))
                .as("drawing width")
                .isLessThan(20_000);
        assertThat(Long.parseLong(svg.getAttribute("height")))
                .as("drawing height")
                .isLessThan(20_000);
        assertThat(browser.script("return document.documentElement.scrollWidth <= window.innerWidth"))
                .as("the page itself does not scroll sideways")
                .isEqualTo(true);
        assertThat(browser.script(VISIBLE_IN_FRAME, "node-" + middle))
                .as("the frame opens on the current job")
                .isEqualTo(true);
        assertThat(browser.driver().findElements(By.cssSelector("#graphForm\\:graphJobs_data > tr")))
                .as("the graph's jobs, one page at a time")
                .hasSize(25);
        browser.script("document.getElementById('graphFrame').scrollIntoView()");
        browser.screenshot("job-graph-chain");

        browser.click(By.id("graphFit"));
        assertThat(browser.script("const frame = document.getElementById('graphFrame');"
                        + " return frame.querySelector('svg').getBoundingClientRect().width"
                        + " <= frame.clientWidth;"))
                .as("\"Whole graph\" fits the drawing into the frame")
                .isEqualTo(true);
        browser.screenshot("job-graph-chain-whole");

        browser.click(By.id("graphActual"));
        browser.clickUntil(
                By.cssSelector("[id='node-" + steps.get(500) + "']"),
                ExpectedConditions.urlContains(steps.get(500).toString()));
        assertThat(browser.waitFor(By.id("jobDescription")).getText()).isEqualTo("Chain step 501");
    }

    /** Whether the node's box lies inside the graph frame's visible area. */
    private static final String VISIBLE_IN_FRAME = """
            const frame = document.getElementById('graphFrame').getBoundingClientRect();
            const node = document.getElementById(arguments[0]).querySelector('rect').getBoundingClientRect();
            return node.left >= frame.left && node.right <= frame.right
                && node.top >= frame.top && node.bottom <= frame.bottom;""";

    @Test
    void waitingJobOfAFunctionNoRunningServerHas_saysSo() {
        // The fixtures' function is recorded (another deployment registered it) but no server running now has it.
        JobRows.Stored waiting =
                JobRows.aJob(JobRows.uniqueChannel("detail-nowhere")).store();
        JobRows.Stored done =
                JobRows.aDoneJob(JobRows.uniqueChannel("detail-nowhere"), 10).store();

        browser.open("/job.xhtml?uuid=" + waiting.uuid());
        assertThat(browser.waitFor(By.id("noRunningServer")).getText())
                .isEqualTo("No running server has this job function.");
        assertThat(JobRows.state(waiting.uuid())).isEqualTo("pending");

        browser.open("/job.xhtml?uuid=" + done.uuid());
        browser.waitFor(By.id("jobState"));
        assertThat(browser.driver().findElements(By.id("noRunningServer"))).isEmpty();
    }
}
