package org.queuejob.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.io.StringReader;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.queuejob.application.FieldEdit;
import org.queuejob.application.JobFunctionService;
import org.queuejob.application.JobFunctionView;
import org.queuejob.domain.model.server.FunctionReach;

class JobFunctionsResourceTest {

    private static final String NAME = "app.Jobs.report";

    private final Recorded service = new Recorded();
    private final JobFunctionsResource resource = new JobFunctionsResource();

    JobFunctionsResourceTest() {
        resource.functions = service;
    }

    @Test
    void aPutGivingOnlyTheRetryPattern_keepsStaffsChannelAndRelatedAction() {
        resource.change(NAME, body("{\"retryPattern\":\"{1: 60}\"}"));

        assertThat(service.retryPattern.resolve("{1: 5}", "retry pattern")).isEqualTo("{1: 60}");
        assertThat(service.channel.resolve("root.staff", "channel")).isEqualTo("root.staff");
        assertThat(service.relatedAction.resolve("{\"func_name\": \"open\"}", "related action"))
                .isEqualTo("{\"func_name\": \"open\"}");
    }

    @Test
    void aPutGivingABlankChannel_setsTheCodesDefaultAgain() {
        resource.change(NAME, body("{\"channel\":\"\"}"));

        assertThat(service.channel.resolve("root.staff", "channel")).isEmpty();
        assertThat(service.retryPattern.changes()).isFalse();
    }

    private static JobFunctionChangeJson body(String json) {
        return JsonRequestBinder.bind(
                JobFunctionChangeJson.class,
                Json.createReader(new StringReader(json)).readValue());
    }

    /** The service as the resource sees it: one function, and the last edit it was asked for. */
    private static final class Recorded extends JobFunctionService {

        FieldEdit<String> channel;
        FieldEdit<String> retryPattern;
        FieldEdit<String> relatedAction;

        @Override
        public Optional<JobFunctionView> find(String name) {
            return name.equals(NAME)
                    ? Optional.of(
                            new JobFunctionView(NAME, "root", null, null, null, null, null, true, FunctionReach.NONE))
                    : Optional.empty();
        }

        @Override
        public void edit(
                String name,
                FieldEdit<String> channel,
                FieldEdit<String> retryPattern,
                FieldEdit<String> relatedAction) {
            this.channel = channel;
            this.retryPattern = retryPattern;
            this.relatedAction = relatedAction;
        }
    }
}
