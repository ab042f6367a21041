package org.queuejob.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FieldEditTest {

    @Test
    void aFieldLeftAsShown_takesTheRecordsCurrentValue_soAnotherPersonsChangeIsKept() {
        assertThat(FieldEdit.from(5, 5).resolve(7, "capacity")).isEqualTo(7);
        assertThat(FieldEdit.from(5, 5).changes()).isFalse();
        assertThat(FieldEdit.<Integer>keep().resolve(7, "capacity")).isEqualTo(7);
    }

    @Test
    void aFieldChangedInTheForm_isWritten_whenTheRecordStillHasTheValueShown() {
        assertThat(FieldEdit.from(5, 6).resolve(5, "capacity")).isEqualTo(6);
        assertThat(FieldEdit.<Integer>from(5, null).resolve(5, "capacity"))
                .as("null is a value")
                .isNull();
    }

    @Test
    void aFieldChangedInTheFormAndMeanwhileBySomeoneElse_isRefusedNamingIt() {
        assertThatThrownBy(() -> FieldEdit.from(5, 6).resolve(7, "capacity"))
                .isInstanceOf(ChangedMeanwhileException.class)
                .hasMessage("Changed by someone else meanwhile (capacity); nothing saved, reload to see their"
                        + " change.");
    }

    @Test
    void anApiField_isWrittenWhateverTheRecordHolds() {
        assertThat(FieldEdit.to(6).resolve(7, "capacity")).isEqualTo(6);
        assertThat(FieldEdit.<Integer>to(null).resolve(7, "eta")).isNull();
    }
}
