package org.queuejob.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;
import org.queuejob.domain.model.channel.Channel;
import org.queuejob.domain.model.channel.ChannelRepository;
import org.queuejob.domain.model.channel.ChannelsChanged;
import org.queuejob.domain.model.statistics.JobCounts;
import org.queuejob.domain.model.statistics.StateCount;
import org.queuejob.domain.model.statistics.WaitingJob;
import org.queuejob.domain.scheduling.ChannelConfig;
import org.queuejob.domain.scheduling.ChannelSpec;
import org.queuejob.infrastructure.config.QueueJobSettings;

class ChannelServiceTest {

    private final List<Channel> records = new ArrayList<>();
    private final ChannelService service = new ChannelService();

    /** Set by a test: what the repository's store fails with (a database's refusal at the insert). */
    private RuntimeException storeFails;

    /** This server's queue-job.channels, as a test sets it. */
    private String configuration = "root:4, root.mail:2:throttle=1, root.eu.billing:1:sequential";

    /** The channels whose change the leader was told of, in order. */
    private final List<String> told = new ArrayList<>();

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

            @Override
            public void remove(Channel channel) {
                records.remove(channel);
            }
        };
        service.changed = new NoEvents(told);
        service.settings = new QueueJobSettings() {
            @Override
            public String channels() {
                return configuration;
            }
        };
        jobsIn();
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

    /**
     * A channel that only has jobs keeps them as long as its nearest configured ancestor says (the autovacuum's rule):
     * the overview shows that interval and where it comes from, not the default of 30 days it showed before.
     */
    @Test
    void aChannelWithoutARecord_isShownWithTheIntervalTheAutovacuumApplies_andTheChannelItComesFrom() {
        record("root").changeRemovalInterval(90);
        record("root.mail").changeRemovalInterval(7);
        jobsIn("root.x", "root.mail.eu");

        ChannelView x = view("root.x");
        assertThat(x.configured()).isFalse();
        assertThat(x.removalIntervalDays()).isEqualTo(90);
        assertThat(x.removalIntervalFrom()).isEqualTo("root");
        assertThat(x.removalIntervalInherited()).isTrue();
        assertThat(view("root.mail.eu").removalIntervalDays()).isEqualTo(7);
        assertThat(view("root.mail.eu").removalIntervalFrom()).isEqualTo("root.mail");
        assertThat(view("root.mail").removalIntervalInherited())
                .as("a record's interval is its own")
                .isFalse();
    }

    /** The dialog, opened on the overview, changes only the capacity: the new record keeps the inherited 90 days. */
    @Test
    void aFirstSaveOfTheCapacityAlone_storesTheIntervalTheChannelInherited_notTheDefault() {
        record("root").changeRemovalInterval(90);
        jobsIn("root.x");
        ChannelView shown = view("root.x");

        service.change(
                "root.x",
                FieldEdit.from(shown.capacity(), 3),
                FieldEdit.from(shown.sequential(), false),
                FieldEdit.from(shown.throttleSeconds(), 0),
                FieldEdit.from(shown.removalIntervalDays(), shown.removalIntervalDays()));

        assertThat(record("root.x").spec().capacity()).hasValue(3);
        assertThat(record("root.x").removalIntervalDays()).isEqualTo(90);
        assertThat(view("root.x").removalIntervalInherited()).isFalse();
    }

    /** As {@code PUT /channels/root.y {"capacity":3}} does: the absent interval is the inherited one. */
    @Test
    void aNewRecordGivenNoInterval_keepsTheOneItInherited_whateverCreatesIt() {
        record("root").changeRemovalInterval(365);
        record("root.mail").changeRemovalInterval(7);

        service.change("root.y", FieldEdit.to(3), FieldEdit.keep(), FieldEdit.keep(), FieldEdit.keep());
        service.configure("root.mail.eu", OptionalInt.of(2), false, 0);
        service.apply(ChannelConfig.parse("root.eu.mail:2"));

        assertThat(record("root.y").removalIntervalDays()).isEqualTo(365);
        assertThat(record("root.mail.eu").removalIntervalDays()).isEqualTo(7);
        assertThat(record("root.eu").removalIntervalDays()).isEqualTo(365);
        assertThat(record("root.eu.mail").removalIntervalDays()).isEqualTo(365);
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

    // ---------------------------------------------------------------- creating a channel

    @Test
    void aNewChannel_isCreatedWithItsSettings_andTheLeaderIsTold() {
        service.create("root.mail.eu", OptionalInt.of(3), false, 2, OptionalInt.of(14));

        Channel eu = record("root.mail.eu");
        assertThat(eu.spec()).isEqualTo(new ChannelSpec("root.mail.eu", OptionalInt.of(3), false, 2, false));
        assertThat(eu.removalIntervalDays()).isEqualTo(14);
        assertThat(told).containsExactly("root.mail.eu");
    }

    @Test
    void aNewChannelGivenNoInterval_keepsTheOneItInherited_andOneGivenNoCapacityIsUnlimited() {
        record("root.mail").changeRemovalInterval(7);

        service.create("root.mail.eu", OptionalInt.empty(), false, 0, OptionalInt.empty());

        assertThat(record("root.mail.eu").removalIntervalDays()).isEqualTo(7);
        assertThat(record("root.mail.eu").spec().capacity()).isEmpty();
    }

    @Test
    void creatingAChannelThatHasARecordAlready_isRefused_andItKeepsItsSettings() {
        assertThatThrownBy(() -> service.create("root.mail", OptionalInt.of(9), false, 0, OptionalInt.empty()))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("Channel root.mail exists already, with settings of its own: change them instead of"
                        + " creating it again.");
        assertThat(record("root.mail").spec().capacity()).hasValue(5);
        assertThat(told).isEmpty();
    }

    @Test
    void aNewChannelsName_followsTheRulesOfTheConfigurationAndOfEdits_andNothingIsStoredOtherwise() {
        assertThatThrownBy(() -> service.create("mail.eu", OptionalInt.of(1), false, 0, OptionalInt.empty()))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("A channel's complete name starts with root (e.g. root.mail.eu), not 'mail.eu'.");
        assertThatThrownBy(() -> service.create("root.mail..eu", OptionalInt.of(1), false, 0, OptionalInt.empty()))
                .isInstanceOf(InvalidSettingException.class);
        assertThatThrownBy(() -> service.create("root.a b", OptionalInt.of(1), false, 0, OptionalInt.empty()))
                .isInstanceOf(InvalidSettingException.class);
        assertThatThrownBy(() -> service.create(" root.sms", OptionalInt.of(1), false, 0, OptionalInt.empty()))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("has spaces around it");
        assertThatThrownBy(() -> service.create("", OptionalInt.of(1), false, 0, OptionalInt.empty()))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("A channel name is required, e.g. root.mail.");

        assertThat(records).hasSize(2);
        assertThat(told).isEmpty();
    }

    @Test
    void aNewChannelWithInconsistentSettings_isRefusedWithTheSchedulersSentence_andNotStored() {
        assertThatThrownBy(() -> service.create("root.sms", OptionalInt.of(2), true, 0, OptionalInt.empty()))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("must have a capacity of 1");
        assertThatThrownBy(() -> service.create("root.sms", OptionalInt.of(1), false, 0, OptionalInt.of(0)))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("The removal interval is a whole number of days from 1 to 36,500, not 0.");

        assertThat(records).hasSize(2);
    }

    /** Its parent needs no record: it is implied, as between root and a channel of the configuration string. */
    @Test
    void aChannelCreatedBelowOneWithoutARecord_isShownUnderIt_notBesideRoot() {
        service.create("root.sms.eu", OptionalInt.of(2), false, 0, OptionalInt.empty());

        assertThat(view("root.sms").configured()).isFalse();
        assertThat(view("root.sms.eu").parentName()).isEqualTo("root.sms");
        assertThat(service.overview().stream().map(ChannelView::completeName))
                .containsSubsequence("root", "root.sms", "root.sms.eu");
    }

    // ---------------------------------------------------------------- deleting a channel's record

    @Test
    void deletingARecordTheConfigurationDoesNotDeclare_removesIt_andItsJobsRunUnderItsNearestConfiguredAncestor() {
        record("root").changeRemovalInterval(90);
        record("root.mail").changeRemovalInterval(7);
        service.create("root.mail.eu", OptionalInt.of(1), false, 0, OptionalInt.of(3));
        record("root.mail.eu").pause();
        service.create("root.mail.eu.fr", OptionalInt.of(1), false, 0, OptionalInt.empty());
        jobsIn("root.mail.eu", "root.mail.eu", "root.x");
        told.clear();

        ChannelDeletion deleted = service.delete("root.mail.eu");

        assertThat(deleted.outcome()).isEqualTo(ChannelDeletion.Outcome.DELETED);
        assertThat(deleted.declared()).isFalse();
        assertThat(deleted.runsUnder()).isEqualTo("root.mail");
        assertThat(deleted.removalDays()).isEqualTo(7);
        assertThat(deleted.removalFrom()).isEqualTo("root.mail");
        assertThat(deleted.removalDaysBefore()).isEqualTo(3);
        assertThat(deleted.pausedBefore()).isTrue();
        assertThat(deleted.subChannels()).containsExactly("root.mail.eu.fr");
        assertThat(deleted.waiting()).isEqualTo(2);
        assertThat(records.stream().map(Channel::completeName)).doesNotContain("root.mail.eu");
        assertThat(view("root.mail.eu").configured()).isFalse();
        assertThat(view("root.mail.eu").removalIntervalDays()).isEqualTo(7);
        assertThat(record("root.mail.eu.fr").spec().capacity())
                .as("a sub-channel keeps its own settings")
                .hasValue(1);
        assertThat(told).containsExactly("root.mail.eu");
    }

    @Test
    void whatADeleteWouldDo_isSaidBeforehand_andChangesNothing() {
        service.create("root.sms", OptionalInt.of(1), false, 0, OptionalInt.empty());
        told.clear();

        ChannelDeletion preview = service.deletion("root.sms");

        assertThat(preview.outcome()).isEqualTo(ChannelDeletion.Outcome.DELETED);
        assertThat(preview.runsUnder()).isEqualTo("root");
        assertThat(record("root.sms").spec().capacity()).hasValue(1);
        assertThat(told).isEmpty();
    }

    /**
     * The string applies at each start to the records of the channels it names, and creates those of the channels
     * it implies: a deleted record would come back at the next start. A delete therefore makes the channel now what
     * that start would make it: the entry's settings, no pause, the inherited interval.
     */
    @Test
    void deletingAChannelTheConfigurationNames_putsBackItsEntrysSettings_noPause_andTheInheritedInterval() {
        record("root").changeRemovalInterval(90);
        Channel mail = record("root.mail");
        mail.configure(OptionalInt.of(8), false, 30);
        mail.pause();
        mail.changeRemovalInterval(7);

        ChannelDeletion reset = service.delete("root.mail");

        assertThat(reset.outcome()).isEqualTo(ChannelDeletion.Outcome.RESET_TO_CONFIGURATION);
        assertThat(reset.named()).isTrue();
        assertThat(reset.runsUnder()).isEqualTo("root.mail");
        assertThat(record("root.mail").spec())
                .isEqualTo(new ChannelSpec("root.mail", OptionalInt.of(2), false, 1, false));
        assertThat(record("root.mail").removalIntervalDays()).isEqualTo(90);
        assertThat(told).containsExactly("root.mail");

        // What the next start does to it changes nothing more.
        service.apply(ChannelConfig.parse(configuration));
        assertThat(record("root.mail").spec())
                .isEqualTo(new ChannelSpec("root.mail", OptionalInt.of(2), false, 1, false));
        assertThat(record("root.mail").removalIntervalDays()).isEqualTo(90);
    }

    @Test
    void deletingAChannelTheConfigurationOnlyImplies_makesItUnlimitedAgain_asTheNextStartWouldCreateIt() {
        service.apply(ChannelConfig.parse(configuration));
        record("root.eu").configure(OptionalInt.of(6), false, 0);

        ChannelDeletion reset = service.delete("root.eu");

        assertThat(reset.outcome()).isEqualTo(ChannelDeletion.Outcome.RESET_TO_CONFIGURATION);
        assertThat(reset.named()).isFalse();
        assertThat(record("root.eu").spec()).isEqualTo(ChannelSpec.unlimited("root.eu"));
    }

    @Test
    void deletingAChannelThatHasItsConfiguredSettingsAlready_changesNothing_andTellsNoOne() {
        record("root.mail").configure(OptionalInt.of(2), false, 1);

        ChannelDeletion unchanged = service.delete("root.mail");

        assertThat(unchanged.outcome()).isEqualTo(ChannelDeletion.Outcome.UNCHANGED);
        assertThat(told).isEmpty();
    }

    @Test
    void rootIsNeverDeleted() {
        assertThatThrownBy(() -> service.delete("root"))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("The root channel cannot be deleted: every job runs under it. Change its settings"
                        + " instead.");
        assertThatThrownBy(() -> service.deletion("root")).isInstanceOf(InvalidSettingException.class);
        assertThat(records).hasSize(2);
    }

    @Test
    void aChannelWithoutARecord_hasNothingToDelete_andTheRefusalSaysWhereItsJobsRun() {
        jobsIn("root.mail.eu");

        assertThatThrownBy(() -> service.delete("root.mail.eu"))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("Channel root.mail.eu has no settings of its own, so there is nothing to delete: its jobs"
                        + " run under root.mail.");
        assertThatThrownBy(() -> service.delete(null)).isInstanceOf(InvalidSettingException.class);
        assertThat(told).isEmpty();
    }

    /** Jobs waiting in each of {@code channels}, none of which has a record. */
    private void jobsIn(String... channels) {
        service.jobCounts = new JobCounts() {
            @Override
            public List<StateCount> unended() {
                return Arrays.stream(channels)
                        .map(channel -> new StateCount(channel, "pending", 1))
                        .toList();
            }

            @Override
            public Map<Instant, Long> failedPerHour(Instant since) {
                return Map.of();
            }

            @Override
            public List<WaitingJob> oldestWaiting(Collection<String> names) {
                return List.of();
            }
        };
    }

    private ChannelView view(String name) {
        return service.overview().stream()
                .filter(view -> view.completeName().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private Channel record(String name) {
        return records.stream()
                .filter(channel -> channel.completeName().equals(name))
                .findFirst()
                .orElseThrow();
    }

    /** The leader's notification: the channels it names, which tests about creating and deleting look at. */
    private static final class NoEvents implements Event<ChannelsChanged> {

        private final List<String> told;

        NoEvents(List<String> told) {
            this.told = told;
        }

        @Override
        public void fire(ChannelsChanged event) {
            told.add(event.channel());
        }

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
