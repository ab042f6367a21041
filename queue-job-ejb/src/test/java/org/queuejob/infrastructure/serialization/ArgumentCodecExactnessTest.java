package org.queuejob.infrastructure.serialization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.annotation.JsonbTransient;
import java.lang.reflect.Method;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.PriorityBlockingQueue;
import org.junit.jupiter.api.Test;
import org.queuejob.api.JobArgumentException;

/**
 * An argument is stored exactly, or refused at the call with a sentence: public fields are compared as getters'
 * properties are, an order or a comparator JSON cannot keep is refused, a date JSON-B writes as another is refused,
 * and a stored null is never run as a primitive's zero.
 */
class ArgumentCodecExactnessTest {

    public record Order(long id, List<String> skus) {}

    /** A bean of public fields, which JSON-B reads and writes as it does getters' properties. */
    public static class Notice {
        public static Object shared = 42;
        public String kind;
        public Object payload;
        public Map<Object, String> labels;
        public transient Object scratch;

        @JsonbTransient
        public Object ignored;

        /** A public field behind a public getter: JSON-B reads the getter. */
        public Object total;

        public Notice() {}

        Notice(String kind, Object payload) {
            this.kind = kind;
            this.payload = payload;
        }

        public Object getTotal() {
            return total;
        }

        public void setTotal(Object total) {
            this.total = total;
        }
    }

    /** A public field behind a getter that is not public, which JSON-B then does not write, beside one it does. */
    public static class Hidden {
        public String kind = "k";
        public Object note;

        public Hidden() {}

        Hidden(Object note) {
            this.note = note;
        }

        @SuppressWarnings("unused")
        private Object getNote() {
            return note;
        }
    }

    public record Plan(NavigableMap<String, Integer> steps) {}

    public record Term(String name, YearMonth from) {}

    public record Stamp(Instant at) {}

    @SuppressWarnings("unused")
    static class Jobs {
        void notice(Notice notice) {}

        void notices(List<Notice> notices) {}

        void hidden(Hidden hidden) {}

        void primitive(long id) {}

        void letter(char letter) {}

        void queue(Queue<Integer> tasks) {}

        void priority(PriorityQueue<Integer> tasks) {}

        void sorted(SortedSet<String> names) {}

        void names(Set<String> names) {}

        void counts(NavigableMap<String, Integer> counts) {}

        void plan(Plan plan) {}

        void lists(List<Queue<Integer>> queues) {}

        void month(YearMonth month) {}

        void months(List<YearMonth> months) {}

        void monthSet(Set<YearMonth> months) {}

        void term(Term term) {}

        void year(Year year) {}

        void at(Instant at) {}

        void stamp(Stamp stamp) {}

        void dates(LocalDate day, LocalDateTime local, OffsetDateTime offset, ZonedDateTime zoned, Instant at) {}
    }

    private final ArgumentCodec codec = new ArgumentCodec(
            JsonbBuilder.create(),
            JsonbBuilder.create(ArgumentCodec.probeConfig()),
            new ArgumentCodecTest.InMemoryEntities(),
            2_000);

    private static Method method(String name) {
        for (Method m : Jobs.class.getDeclaredMethods()) {
            if (m.getName().equals(name)) {
                return m;
            }
        }
        throw new AssertionError(name);
    }

    private Object[] roundTrip(String name, Object... args) {
        return codec.decode(method(name), codec.encode(method(name), args));
    }

    // Public fields

    @Test
    void aPublicFieldThatWouldReachTheJobAsAnotherType_isRefusedAsAGetterPropertyIs() {
        assertThatThrownBy(() -> codec.encode(method("notice"), new Object[] {new Notice("paid", 42)}))
                .isInstanceOf(JobArgumentException.class)
                .hasMessageStartingWith("Argument 'notice' of job Jobs.notice")
                .hasMessageContaining(
                        "its property payload (a java.lang.Integer) would reach the job as a java.math.BigDecimal");
        assertThatThrownBy(() ->
                        codec.encode(method("notice"), new Object[] {new Notice("paid", new Order(1, List.of("a")))}))
                .isInstanceOf(JobArgumentException.class)
                .hasMessageContaining("its property payload (a " + Order.class.getName() + ") would reach the job as a "
                        + "java.util.HashMap");
        Notice labelled = new Notice("paid", "x");
        labelled.labels = new HashMap<>(Map.of(7L, "seven"));
        assertThatThrownBy(() -> codec.encode(method("notice"), new Object[] {labelled}))
                .isInstanceOf(JobArgumentException.class)
                .hasMessageContaining("the key 7 (a java.lang.Long) of property labels comes back as another type");
        assertThatThrownBy(() -> codec.encode(method("notices"), new Object[] {List.of(new Notice("a", 1L))}))
                .isInstanceOf(JobArgumentException.class)
                .hasMessageContaining(
                        "its value [0].payload (a java.lang.Long) would reach the job as a " + "java.math.BigDecimal");
    }

    @Test
    void publicFieldsThatComeBackAsThemselves_areStored_staticTransientAndJsonbTransientOnesLeftAlone() {
        Notice notice = new Notice("paid", List.of("a", Map.of("b", true)));
        notice.labels = Map.of("seven", "7");
        notice.scratch = 42; // transient: neither written nor compared
        notice.ignored = 42; // @JsonbTransient: the same
        notice.total = "12.50 EUR";

        Notice back = (Notice) roundTrip("notice", notice)[0];

        assertThat(back.kind).isEqualTo("paid");
        assertThat(back.payload).isEqualTo(notice.payload);
        assertThat(back.labels).isEqualTo(notice.labels);
        assertThat(back.total).isEqualTo("12.50 EUR");
        assertThat(back.scratch).isNull();
        assertThat(back.ignored).isNull();
    }

    @Test
    void aPublicFieldBehindAGetter_isComparedOnce_asTheGettersProperty() {
        Notice notice = new Notice("paid", "x");
        notice.total = 12;

        assertThatThrownBy(() -> codec.encode(method("notice"), new Object[] {notice}))
                .isInstanceOf(JobArgumentException.class)
                .hasMessageContaining(
                        "its property total (a java.lang.Integer) would reach the job as a java.math.BigDecimal");
    }

    @Test
    void aPublicFieldJsonBDoesNotWrite_forItsGetterIsNotPublic_isRefused_forTheJobWouldGetNull() {
        assertThatThrownBy(() -> codec.encode(method("hidden"), new Object[] {new Hidden("keep me")}))
                .isInstanceOf(JobArgumentException.class)
                .hasMessageContaining("its property note (a java.lang.String) comes back as null");
        assertThat(roundTrip("hidden", new Hidden(null))[0]).isInstanceOf(Hidden.class);
    }

    // A stored null for a primitive parameter

    @Test
    void aStoredNullForAPrimitiveParameter_failsTheJobWithASentence_insteadOfRunningWithZero() {
        // Stored while the parameter was Long (or Character), run after a redeploy declared it long (or char).
        assertThatThrownBy(() -> codec.decode(method("primitive"), "[null]"))
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessage("Stored argument 1 of Jobs.primitive is null, which a parameter of type long cannot hold");
        assertThatThrownBy(() -> codec.decode(method("letter"), "[null]"))
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessage("Stored argument 1 of Jobs.letter is null, which a parameter of type char cannot hold");
    }

    // Orders and comparators

    @Test
    void aPriorityQueue_isRefused_whereItWouldReachTheJobInAnotherOrder() {
        PriorityQueue<Integer> tasks = new PriorityQueue<>(List.of(5, 1, 3, 2));

        assertThatThrownBy(() -> codec.encode(method("queue"), new Object[] {tasks}))
                .isInstanceOf(JobArgumentException.class)
                .hasMessage("Argument 'tasks' of job Jobs.queue (a java.util.PriorityQueue) cannot be stored: it "
                        + "is a java.util.PriorityQueue, which would reach the job as a java.util.ArrayDeque holding "
                        + "its values in the order of its heap, not polled by priority. Pass a List in the order "
                        + "wanted, or declare it as a PriorityQueue.");
        PriorityQueue<Integer> reversed = new PriorityQueue<>(Comparator.reverseOrder());
        reversed.addAll(List.of(5, 1, 3, 2));
        assertThatThrownBy(() -> codec.encode(method("priority"), new Object[] {reversed}))
                .isInstanceOf(JobArgumentException.class)
                .hasMessageContaining("it is a java.util.PriorityQueue ordered by a comparator")
                .hasMessageContaining("Pass a List in the order wanted");
        assertThatThrownBy(() ->
                        codec.encode(method("queue"), new Object[] {new PriorityBlockingQueue<>(List.of(5, 1, 3))}))
                .isInstanceOf(JobArgumentException.class)
                .hasMessageContaining("it is a java.util.concurrent.PriorityBlockingQueue");
        assertThatThrownBy(() -> codec.encode(method("lists"), new Object[] {List.of(tasks)}))
                .isInstanceOf(JobArgumentException.class)
                .hasMessageContaining("its value [0] (a java.util.PriorityQueue) is a java.util.PriorityQueue");
    }

    @Test
    void aPriorityQueueInNaturalOrder_declaredAsOne_isStored_forItComesBackPollingInTheSameOrder() {
        PriorityQueue<Integer> back =
                (PriorityQueue<Integer>) roundTrip("priority", new PriorityQueue<>(List.of(5, 1, 3, 2)))[0];

        assertThat(back.comparator()).isNull();
        assertThat(List.of(back.poll(), back.poll(), back.poll(), back.poll())).containsExactly(1, 2, 3, 5);
    }

    @Test
    void aSortedSetOrMapWithAComparator_isRefused_forTheJobWouldGetAnotherOrderAndAnotherContains() {
        TreeSet<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        names.addAll(List.of("b", "A", "c"));

        assertThatThrownBy(() -> codec.encode(method("sorted"), new Object[] {names}))
                .isInstanceOf(JobArgumentException.class)
                .hasMessageStartingWith("Argument 'names' of job Jobs.sorted (a java.util.TreeSet) cannot be stored: "
                        + "it is a java.util.TreeSet sorted by a comparator")
                .hasMessageContaining("Pass a List in the order wanted");
        assertThatThrownBy(() -> codec.encode(method("names"), new Object[] {names}))
                .isInstanceOf(JobArgumentException.class)
                .hasMessageContaining("sorted by a comparator");
        TreeMap<String, Integer> counts = new TreeMap<>(Comparator.reverseOrder());
        counts.putAll(Map.of("a", 1, "b", 2));
        assertThatThrownBy(() -> codec.encode(method("counts"), new Object[] {counts}))
                .isInstanceOf(JobArgumentException.class)
                .hasMessageContaining("it is a java.util.TreeMap sorted by a comparator");
        assertThatThrownBy(() -> codec.encode(method("plan"), new Object[] {new Plan(counts)}))
                .isInstanceOf(JobArgumentException.class)
                .hasMessageContaining(
                        "its component steps (a java.util.TreeMap) is a java.util.TreeMap sorted by a " + "comparator");
    }

    @Test
    void sortedSetsAndMapsInNaturalOrder_areStored() {
        TreeSet<String> names = new TreeSet<>(List.of("b", "A", "c"));
        TreeMap<String, Integer> counts = new TreeMap<>(Map.of("a", 1, "b", 2));

        assertThat(roundTrip("sorted", names)).containsExactly(names);
        assertThat(roundTrip("counts", counts)).containsExactly(counts);
    }

    // java.time values JSON-B writes as another

    @Test
    void aYearMonthBeforeYear1_isRefused_forJsonBWritesItsYearOfEra_andTheJobWouldGetAnotherYear() {
        assertThatThrownBy(() -> codec.encode(method("month"), new Object[] {YearMonth.of(0, 3)}))
                .isInstanceOf(JobArgumentException.class)
                .hasMessage("Argument 'month' of job Jobs.month (a java.time.YearMonth) cannot be stored: it is "
                        + "0000-03, before the year 1, which JSON-B writes as a year of its era (pattern yyyy-MM): the "
                        + "job would get 0001-03. Pass a LocalDate, or the text of toString().");
        assertThatThrownBy(() -> codec.encode(method("month"), new Object[] {YearMonth.of(-5, 3)}))
                .isInstanceOf(JobArgumentException.class)
                .hasMessageContaining("it is -0005-03, before the year 1")
                .hasMessageContaining("the job would get 0006-03");
        assertThatThrownBy(() -> codec.encode(method("months"), new Object[] {List.of(YearMonth.of(0, 3))}))
                .isInstanceOf(JobArgumentException.class)
                .hasMessageContaining("its value [0] is 0000-03, before the year 1");
        assertThatThrownBy(() -> codec.encode(method("monthSet"), new Object[] {Set.of(YearMonth.of(-5, 3))}))
                .isInstanceOf(JobArgumentException.class)
                .hasMessageContaining("a value of the set is -0005-03, before the year 1");
        assertThatThrownBy(() -> codec.encode(method("term"), new Object[] {new Term("p", YearMonth.of(0, 1))}))
                .isInstanceOf(JobArgumentException.class)
                .hasMessageContaining("its component from is 0000-01, before the year 1");
    }

    @Test
    void aYearMonthOfYear10000_andDatesOfYears0Minus5And10000_areStoredExactly() {
        assertThat(roundTrip("month", YearMonth.of(10_000, 3))).containsExactly(YearMonth.of(10_000, 3));
        assertThat(roundTrip("months", List.of(YearMonth.of(10_000, 3), YearMonth.of(1, 1))))
                .containsExactly(List.of(YearMonth.of(10_000, 3), YearMonth.of(1, 1)));
        for (int year : new int[] {0, -5, 10_000}) {
            Object[] args = {
                LocalDate.of(year, 3, 1),
                LocalDateTime.of(year, 3, 1, 4, 5, 6),
                OffsetDateTime.of(year, 3, 1, 4, 5, 6, 7, ZoneOffset.ofHours(2)),
                ZonedDateTime.of(year, 7, 1, 12, 0, 0, 0, ZoneId.of("Europe/Paris")),
                LocalDateTime.of(year, 3, 1, 4, 5, 6).toInstant(ZoneOffset.UTC)
            };

            assertThat(roundTrip("dates", args)).as("year %d", year).containsExactly(args);
        }
    }

    @Test
    void aYearIsRefusedWhateverItsYear_forJsonBCannotReadOneBack() {
        for (int year : new int[] {0, -5, 10_000}) {
            assertThatThrownBy(() -> codec.encode(method("year"), new Object[] {Year.of(year)}))
                    .isInstanceOf(JobArgumentException.class)
                    .hasMessageContaining("cannot be read back");
        }
    }

    @Test
    void anInstantBeyondTheYearsJsonBReadsBack_isRefused_insteadOfFailingTheJob() {
        assertThatThrownBy(() -> codec.encode(method("at"), new Object[] {Instant.MAX}))
                .isInstanceOf(JobArgumentException.class)
                .hasMessageContaining(
                        "it is +1000000000-12-31T23:59:59.999999999Z, beyond the years JSON-B reads " + "back");
        assertThatThrownBy(() -> codec.encode(method("at"), new Object[] {Instant.MIN}))
                .isInstanceOf(JobArgumentException.class)
                .hasMessageContaining("beyond the years JSON-B reads back");
        assertThatThrownBy(() -> codec.encode(method("stamp"), new Object[] {new Stamp(Instant.MAX)}))
                .isInstanceOf(JobArgumentException.class)
                .hasMessageContaining("its component at is +1000000000-12-31T23:59:59.999999999Z, beyond the years");
        Instant last = LocalDateTime.MAX.toInstant(ZoneOffset.UTC);
        assertThat(roundTrip("at", last)).containsExactly(last);
    }

    @Test
    void aRecordHoldingAPlainYearMonth_isStored() {
        Term term = new Term("p", YearMonth.of(2026, 2));

        assertThat(roundTrip("term", term)).containsExactly(term);
        assertThat(roundTrip("monthSet", Set.of(YearMonth.of(2026, 2)))).containsExactly(Set.of(YearMonth.of(2026, 2)));
    }
}
