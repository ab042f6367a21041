package org.queuejob.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;
import org.queuejob.domain.model.channel.Channel;
import org.queuejob.domain.model.channel.ChannelRepository;
import org.queuejob.domain.model.channel.ChannelsChanged;
import org.queuejob.domain.scheduling.ChannelConfig;
import org.queuejob.domain.scheduling.ChannelSpec;

class ChannelServiceTest {

    private final List<Channel> records = new ArrayList<>();
    private final ChannelService service = new ChannelService();

    /** Set by a test: what the repository's store fails with (a database's refusal at the insert). */
    private RuntimeException storeFails;

    ChannelServiceTest() {
        service.channels = new ChannelRepository() {
            @Override
            public List<Channel> all() {
                return records;
            }

            @Override
            public Optional<Channel> find(String completeName) {
                return records.stream()
                        .filter(channel -> channel.completeName().equals(completeName))
                        .findFirst();
            }

            @Override
            public void store(Channel channel) {
                if (storeFails != null) {
                    throw storeFails;
                }
                records.add(channel);
            }
        };
        service.changed = new NoEvents();
        records.add(new Channel(new ChannelSpec("root", OptionalInt.of(4), false, 0, false)));
        Channel mail = new Channel(new ChannelSpec("root.mail", OptionalInt.of(5), false, 10, false));
        records.add(mail);
    }

    @Test
    void aNameWithASpaceAroundIt_isRefused_andTheChannelNamedWithoutItKeepsItsSettings() {
        assertThatThrownBy(() -> service.change(
                        "root.mail ", FieldEdit.keep(), FieldEdit.keep(), FieldEdit.keep(), FieldEdit.to(7)))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("The channel name 'root.mail ' has spaces around it: give the name alone, e.g. root.mail.");
        assertThatThrownBy(() -> service.configure(" root.mail", OptionalInt.empty(), false, 0))
                .isInstanceOf(InvalidSettingException.class);

        Channel mail = record("root.mail");
        assertThat(mail.spec().capacity()).hasValue(5);
        assertThat(mail.spec().throttleSeconds()).isEqualTo(10);
        assertThat(mail.removalIntervalDays()).isEqualTo(Channel.DEFAULT_REMOVAL_INTERVAL_DAYS);
    }

    @Test
    void aChannelWhoseRecordAnotherSaveCreatedAtTheSameMoment_isRefusedAsAChangeMadeMeanwhile() {
        // The driver's unique_violation as the container hands it on, wrapped by the JPA provider and the container.
        storeFails = new IllegalStateException(
                "Transaction rolled back",
                new RuntimeException(
                        "Internal Exception",
                        new SQLException("duplicate key value violates unique constraint", "23505")));

        assertThatThrownBy(() -> service.change(
                        "root.sms", FieldEdit.to(2), FieldEdit.keep(), FieldEdit.keep(), FieldEdit.keep()))
                .isInstanceOf(ChangedMeanwhileException.class)
                .hasMessage("Changed by someone else meanwhile (its settings were created by another save at the same"
                        + " moment); nothing saved, reload to see their change.");
    }

    @Test
    void anotherFailureOfANewChannelsInsert_isNotMistakenForAChangeMadeMeanwhile() {
        storeFails = new IllegalStateException("Transaction rolled back", new SQLException("disk full", "53100"));

        assertThatThrownBy(() -> service.change(
                        "root.sms", FieldEdit.to(2), FieldEdit.keep(), FieldEdit.keep(), FieldEdit.keep()))
                .isSameAs(storeFails);
    }

    @Test
    void aNewChannelsNameMustBeComplete() {
        assertThatThrownBy(() ->
                        service.change("mail2", FieldEdit.to(2), FieldEdit.keep(), FieldEdit.keep(), FieldEdit.keep()))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("A channel's complete name starts with root (e.g. root.mail2), not 'mail2'.");
        assertThat(records).hasSize(2);
    }

    @Test
    void onlyTheFieldsGiven_areWritten_theOthersKeepTheRecordsValues() {
        service.change("root.mail", FieldEdit.keep(), FieldEdit.keep(), FieldEdit.keep(), FieldEdit.to(7));

        Channel mail = record("root.mail");
        assertThat(mail.spec().capacity()).hasValue(5);
        assertThat(mail.spec().throttleSeconds()).isEqualTo(10);
        assertThat(mail.removalIntervalDays()).isEqualTo(7);
    }

    @Test
    void aFormSave_keepsAnotherPersonsChangeToAnotherField_andRefusesOneToTheSameField() {
        // The dialog was opened on capacity 5, throttle 10; someone else then set the throttle to 20.
        record("root.mail").configure(OptionalInt.of(5), false, 20);

        service.change(
                "root.mail",
                FieldEdit.from(5, 6),
                FieldEdit.from(false, false),
                FieldEdit.from(10, 10),
                FieldEdit.from(30, 30));

        assertThat(record("root.mail").spec().capacity()).hasValue(6);
        assertThat(record("root.mail").spec().throttleSeconds())
                .as("their change kept")
                .isEqualTo(20);

        assertThatThrownBy(() -> service.change(
                        "root.mail",
                        FieldEdit.from(6, 6),
                        FieldEdit.from(false, false),
                        FieldEdit.from(10, 0),
                        FieldEdit.from(30, 30)))
                .isInstanceOf(ChangedMeanwhileException.class)
                .hasMessageContaining("(throttle)");
        assertThat(record("root.mail").spec().throttleSeconds()).isEqualTo(20);
    }

    /** As the Channels screen's dialog shows a channel without a record: unlimited, as the API now creates it. */
    @Test
    void aNewChannelWithoutACapacity_isUnlimited_asTheScreenShowsAndSavesIt() {
        service.change("root.sms", FieldEdit.keep(), FieldEdit.keep(), FieldEdit.keep(), FieldEdit.to(7));

        Channel sms = record("root.sms");
        assertThat(sms.spec().capacity()).isEmpty();
        assertThat(sms.spec().sequential()).isFalse();
        assertThat(sms.spec().throttleSeconds()).isZero();
        assertThat(sms.removalIntervalDays()).isEqualTo(7);
    }

    @Test
    void atStart_theChannelsTheStringNames_takeItsSettings_andTheOnesItOnlyImplies_keepWhatWasSetOnThem() {
        record("root").configure(OptionalInt.of(8), false, 3);
        records.add(new Channel(ChannelSpec.of("root.eu", 6)));

        service.apply(ChannelConfig.parse("root.eu.mail:2:throttle=1, root.mail:1:sequential"));

        assertThat(record("root").spec())
                .as("root, unlisted, keeps the capacity and throttle set on the Channels screen")
                .isEqualTo(new ChannelSpec("root", OptionalInt.of(8), false, 3, false));
        assertThat(record("root.eu").spec().capacity())
                .as("a channel between root and a named one keeps its own capacity")
                .hasValue(6);
        assertThat(record("root.mail").spec())
                .as("named: takes the string's settings")
                .isEqualTo(new ChannelSpec("root.mail", OptionalInt.of(1), true, 0, false));
        assertThat(record("root.eu.mail").spec())
                .as("named, new: a record with the string's settings")
                .isEqualTo(new ChannelSpec("root.eu.mail", OptionalInt.of(2), false, 1, false));
    }

    @Test
    void atStart_anEmptyString_namesNoChannel_soRootKeepsItsCapacity_andAMissingRootGetsTheDefault() {
        record("root").configure(OptionalInt.of(8), false, 0);

        service.apply(ChannelConfig.parse(""));

        assertThat(record("root").spec().capacity()).hasValue(8);

        records.clear();
        service.apply(ChannelConfig.parse(""));

        assertThat(record("root").spec().capacity()).hasValue(2);
    }

    @Test
    void atStart_aNamedRoot_takesTheStringsCapacity() {
        record("root").configure(OptionalInt.of(8), false, 0);

        service.apply(ChannelConfig.parse("root:3"));

        assertThat(record("root").spec().capacity()).hasValue(3);
    }

    private Channel record(String name) {
        return records.stream()
                .filter(channel -> channel.completeName().equals(name))
                .findFirst()
                .orElseThrow();
    }

    /** The leader's notification is not what these tests look at. */
    private static final class NoEvents implements Event<ChannelsChanged> {
        @Override
        public void fire(ChannelsChanged event) {}

        @Override
        public <U extends ChannelsChanged> CompletionStage<U> fireAsync(U event) {
            return null;
        }

        @Override
        public <U extends ChannelsChanged> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
            return null;
        }

        @Override
        public Event<ChannelsChanged> select(Annotation... qualifiers) {
            return this;
        }

        @Override
        public <U extends ChannelsChanged> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends ChannelsChanged> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }
    }
}
