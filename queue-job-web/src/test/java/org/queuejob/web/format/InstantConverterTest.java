package org.queuejob.web.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.faces.convert.ConverterException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InstantConverterTest {

    private final InstantConverter converter = new InstantConverter();

    @Test
    void instantsReadInUtcToTheSecond() {
        Instant instant = Instant.parse("2025-01-31T23:59:59.987654Z");

        assertThat(converter.getAsString(null, null, instant)).isEqualTo("2025-01-31 23:59:59");
        assertThat(converter.getAsString(null, null, null)).isEmpty();
    }

    @Test
    void theShownFormParsesBack() {
        assertThat(converter.getAsObject(null, null, " 2025-01-31 23:59:59 "))
                .isEqualTo(Instant.parse("2025-01-31T23:59:59Z"));
        assertThat(converter.getAsObject(null, null, "")).isNull();
    }

    @Test
    void anythingElseIsAConversionError() {
        assertThatThrownBy(() -> converter.getAsObject(null, null, "yesterday"))
                .isInstanceOf(ConverterException.class)
                .hasMessageContaining("yesterday");
    }
}
