package org.queuejob.it.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.queuejob.it.support.DeployedDemoEar;

/** The job page: every field, the buttons of each state, the editable fields, and a graph's drawing. */
@ExtendWith({DeployedDemoEar.class, ScreenshotOnFailure.class})
class JobDetailIT {

    private Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = new Browser();
        browser.loginAsManager();
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
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
        assertThat(browser.driver().findElements(By.id("actionsForm:requeue"))).hasSize(1);
        assertThat(browser.driver().findElements(By.id("actionsForm:setDone"))).hasSize(1);
        assertThat(browser.driver().findElements(By.id("actionsForm:cancelJob")))
                .hasSize(1);
        browser.screenshotFullPage("job-detail-failed");

        browser.click(By.id("actionsForm:requeue"));

        assertThat(browser.waitFor(By.id("jobState")).getText()).isEqualToIgnoringCase("pending");
        assertThat(JobRows.state(job.uuid())).isEqualTo("pending");
        assertThat(browser.driver().findElement(By.id("jobTries")).getText()).isEqualTo("try 0 / 5");
        assertThat(browser.driver().findElements(By.id("actionsForm:requeue"))).isEmpty();
    }

    @Test
    void doneJob_hasNoActionButtons() {
        JobRows.Stored job =
                JobRows.aDoneJob(JobRows.uniqueChannel("detail-done"), 250).store();

        browser.open("/job.xhtml?uuid=" + job.uuid());
        assertThat(browser.waitFor(By.id("jobState")).getText()).isEqualToIgnoringCase("done");
        assertThat(browser.driver().findElements(By.cssSelector("#actionsForm button")))
                .isEmpty();
        assertThat(browser.driver().findElement(By.id("jobResult")).getText()).isEqualTo("fixture result");
    }

    @Test
    void editingPriorityEtaAndChannel_savesThem() {
        String channel = JobRows.uniqueChannel("detail-edit");
        String target = JobRows.uniqueChannel("detail-moved");
        JobRows.Stored job = JobRows.aJob(channel).store();

        browser.open("/job.xhtml?uuid=" + job.uuid());
        browser.type(By.id("actionsForm:editPriority_input"), "2");
        browser.type(By.id("actionsForm:editEta_input"), "2031-05-04 03:02");
        browser.driver().findElement(By.id("actionsForm:editEta_input")).sendKeys(org.openqa.selenium.Keys.ESCAPE);
        browser.type(By.id("actionsForm:editChannel"), target);
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

    @Test
    void cancel_cancelsTheJobAndItsDescendants() {
        String channel = JobRows.uniqueChannel("detail-cancel");
        UUID graph = UUID.randomUUID();
        JobRows.Stored parent =
                JobRows.aJob(channel).graph(graph).description("Parent").store();
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
        assertThat(svg.findElements(By.cssSelector("line.qj-edge"))).hasSize(4);
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
