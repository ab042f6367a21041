package org.queuejob.web.format;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.faces.validator.ValidatorException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoNulValidatorTest {

    private final NoNulValidator validator = new NoNulValidator();

    @Test
    void aTextOrAChoiceWithANul_isRefusedWithASentence() {
        assertThatThrownBy(() -> validator.validate(null, null, "root.a\u0000b"))
                .isInstanceOf(ValidatorException.class)
                .hasMessage(NoNulValidator.MESSAGE);
        assertThatThrownBy(() -> validator.validate(null, null, List.of("failed", "\u0000")))
                .isInstanceOf(ValidatorException.class);
    }

    @Test
    void anyOtherValue_passes() {
        assertThatCode(() -> validator.validate(null, null, "root.mail")).doesNotThrowAnyException();
        assertThatCode(() -> validator.validate(null, null, List.of("failed", 3)))
                .doesNotThrowAnyException();
        assertThatCode(() -> validator.validate(null, null, Instant.EPOCH)).doesNotThrowAnyException();
        assertThatCode(() -> validator.validate(null, null, null)).doesNotThrowAnyException();
    }
}
