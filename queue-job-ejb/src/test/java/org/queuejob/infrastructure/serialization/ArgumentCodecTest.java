package org.queuejob.infrastructure.serialization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.chrono.JapaneseDate;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.queuejob.api.IdentityKey;
import org.queuejob.api.JobArgumentException;

public class ArgumentCodecTest {

    public enum Tier {
        GOLD,
        SILVER
    }

    public record Order(long id, BigDecimal amount, List<String> skus) {}

    /** A class JSON-B writes as {} and cannot read back: state behind no getters, no default constructor. */
    static final class Opaque {
        private final int secret;

        Opaque(int secret) {
            this.secret = secret;
        }

        @Override
        public String toString() {
            return "Opaque" + secret;
        }
    }

    @Entity
    static class Customer {
        @Id
        Long id;

        Customer(Long id) {
            this.id = id;
        }
    }

    /** Entity references against an in-memory table: enough to check what the codec stores and asks for. */
    static final class InMemoryEntities implements EntityReferences {
        final Map<Object, Object> rows = new HashMap<>();

        @Override
        public boolean isEntity(Class<?> type) {
            return type.isAnnotationPresent(Entity.class);
        }

        @Override
        public Object idOf(Object entity) {
            return ((Customer) entity).id;
        }

        @Override
        public Class<?> idType(Class<?> entityType) {
            return Long.class;
        }

        @Override
        public Object load(Class<?> entityType, Object id) {
            return rows.get(id);
        }
    }

    @SuppressWarnings("unused")
    static class Jobs {
        void simple(String text, int count, Tier tier, LocalDate day, Instant at) {}

        void structured(Order order, Set<String> tags, Map<String, Integer> counts) {}

        void opaque(Opaque value) {}

        void stream(InputStream in) {}

        void customer(Customer customer, String note) {}

        void primitive(long id) {}

        void plain(String name, Integer count, int small, Long id, boolean flag, Boolean maybe) {}

        void anything(Object value) {}

        void list(List<Object> values) {}

        void map(Map<String, Object> values) {}

        void collection(Collection<String> values) {}

        void thread(Thread thread) {}

        void state(Stateful state) {}

        void marker(Marker marker) {}

        void order(Order order) {}

        void setOfMaps(Set<Map<String, String>> values) {}

        void note(Optional<String> note, OptionalInt count, JsonValue extra) {}

        void event(Event event) {}

        void labelled(Labelled labelled) {}

        void events(Set<Event> events) {}

        void invoice(Invoice invoice) {}

        void year(Year year) {}

        void temporal(Temporal at) {}

        void times(
                LocalDateTime local,
                LocalTime time,
                OffsetDateTime offset,
                OffsetTime offsetTime,
                ZonedDateTime zoned,
                YearMonth month) {}

        void amount(BigDecimal amount, double ratio, Float share, BigInteger big) {}

        void ratios(double[] ratios) {}

        void json(JsonValue json) {}

        void customers(List<Customer> customers) {}

        void link(Link link) {}

        void visit(Visit visit) {}

        void identity(Map<String, Integer> counts, Set<String> tags, List<String> steps, Tagged tagged) {}
    }

    /** Jobs whose parameters are read from arguments stored for another version of them. */
    @SuppressWarnings("unused")
    static class Mail {
        void send(String to, LocalDate day) {}

        void retry(int times) {}

        void confirm(Order order) {}

        void batch(List<Integer> ids) {}

        void remind(Customer customer, String note) {}
    }

    public record Event(String kind, Object payload) {}

    public record Labelled(Map<Object, String> labels) {}

    public record Link(String name, List<Link> next) {}

    public record Tagged(Set<Integer> codes, List<Integer> order) {}

    /** A bean with a loosely typed property: JSON-B reads a number there back as a BigDecimal. */
    public static class Invoice {
        private Object total;

        public Invoice() {}

        Invoice(Object total) {
            this.total = total;
        }

        public Object getTotal() {
            return total;
        }

        public void setTotal(Object total) {
            this.total = total;
        }
    }

    public record Visit(Product product, String note) {}

    /** An entity JSON-B can write and read back as a bean: only the codec can tell it is one. */
    @Entity
    public static class Product {
        @Id
        private Long id;

        public Product() {}

        Product(Long id) {
            this.id = id;
        }

        public Long getId() {
            return id;
        }

        public void setId(Long id) {
            this.id = id;
        }
    }

    /** State in private fields JSON-B cannot see, and a public no-argument constructor: it reads back "fine" as {}. */
    public static class Stateful {
        private int count;

        public Stateful() {}

        Stateful(int count) {
            this.count = count;
        }

        @Override
        public String toString() {
            return "Stateful" + count;
        }
    }

    /** No state at all: nothing to lose. */
    public static class Marker {}

    private final InMemoryEntities entities = new InMemoryEntities();
    private final ArgumentCodec codec =
            new ArgumentCodec(JsonbBuilder.create(), JsonbBuilder.create(ArgumentCodec.probeConfig()), entities, 2_000);

    private static Method mail(String name) {
        for (Method m : Mail.class.getDeclaredMethods()) {
            if (m.getName().equals(name)) {
                return m;
            }
        }
        throw new AssertionError(name);
    }

    private static Method method(String name) {
        for (Method m : Jobs.class.getDeclaredMethods()) {
            if (m.getName().equals(name)) {
                return m;
            }
        }
        throw new AssertionError(name);
    }

    @Test
    void simpleValuesRoundTrip() {
        Object[] args = {"hi", 3, Tier.GOLD, LocalDate.of(2026, 1, 2), Instant.parse("2026-01-02T03:04:05Z")};

        String json = codec.encode(method("simple"), args);

        assertThat(codec.decode(method("simple"), json)).containsExactly(args);
    }

    @Test
    void aNulInAnArgument_evenDeepInside_isRefusedAtTheCall_forPostgreSqlCannotStoreIt() {
        assertThatThrownBy(() -> codec.encode(method("simple"), new Object[] {"a\u0000b", 3, Tier.GOLD, null, null}))
                .isInstanceOf(JobArgumentException.class)
                .hasMessageContaining("U+0000 (NUL)");
        Object[] nested = {new Order(7, BigDecimal.ONE, List.of("ok", "\u0000")), Set.of(), Map.of()};
        assertThatThrownBy(() -> codec.encode(method("structured"), nested))
                .isInstanceOf(JobArgumentException.class)
                .hasMessageContaining("U+0000 (NUL)");
    }

    @Test
    void aBackslashFollowedByTheTextU0000_isNotANul() {
        assertThat(ArgumentCodec.unstorableIn("[\"C:\\\\u0000\"]"))
                .as("a backslash, then the text u0000")
                .isEqualTo(-1);
        assertThat(ArgumentCodec.unstorableIn("[\"\\u0000\"]")).isZero();
        assertThat(ArgumentCodec.unstorableIn("[\"\\\\\\u0000\"]"))
                .as("a backslash, then a NUL")
                .isZero();
        Object[] args = {"C:\\u0000", 3, Tier.GOLD, null, null};
        assertThat(codec.decode(method("simple"), codec.encode(method("simple"), args)))
                .containsExactly(args);
    }

    @Test
    void halfACharacterInAnArgument_evenDeepInside_isRefusedAtTheCall_forTheDriverWouldStoreAQuestionMark() {
        // The first half of U+1F600 (an emoji), as a string cut inside it would end.
        String cut = "report \uD83D";
        assertThatThrownBy(() -> codec.encode(method("simple"), new Object[] {cut, 3, Tier.GOLD, null, null}))
                .isInstanceOf(JobArgumentException.class)
                .hasMessageContaining("half of a character (the UTF-16 surrogate U+D83D without its other half)")
                .hasMessageContaining("stored as \"?\"");
        Object[] nested = {new Order(7, BigDecimal.ONE, List.of("ok", "\uDE00 alone")), Set.of(), Map.of()};
        assertThatThrownBy(() -> codec.encode(method("structured"), nested))
                .isInstanceOf(JobArgumentException.class)
                .hasMessageContaining("U+DE00");
    }

    @Test
    void wholeCharactersOutsideTheBasicPlane_rawOrEscaped_areStoredAndComeBackAsGiven() {
        Object[] args = {"smile \uD83D\uDE00 twice \uD83D\uDE00", 3, Tier.GOLD, null, null};
        assertThat(codec.decode(method("simple"), codec.encode(method("simple"), args)))
                .containsExactly(args);
        assertThat(ArgumentCodec.unstorableIn("[\"\\uD83D\\uDE00\"]")).isEqualTo(-1);
    }

    @Test
    void anEscapedHalfCharacter_orAHalfInTheOtherFormThanItsPartner_isFound() {
        assertThat(ArgumentCodec.unstorableIn("[\"\\uD83D\"]")).isEqualTo(0xD83D);
        assertThat(ArgumentCodec.unstorableIn("[\"\\uDE00\"]")).isEqualTo(0xDE00);
        assertThat(ArgumentCodec.unstorableIn("[\"\\ud83dx\\ude00\"]")).isEqualTo(0xD83D);
        // A raw half then an escaped half: the driver would write the raw one as "?" before PostgreSQL sees the escape.
        assertThat(ArgumentCodec.unstorableIn("[\"" + (char) 0xD83D + "\\uDE00\"]"))
                .isEqualTo(0xD83D);
        assertThat(ArgumentCodec.unstorableIn("\\uD83D"))
                .as("an escape at the very end")
                .isEqualTo(0xD83D);
        assertThat(ArgumentCodec.unstorableIn("[\"\\uD8\"]"))
                .as("not an escape: too short")
                .isEqualTo(-1);
    }

    @Test
    void recordsCollectionsAndMapsRoundTripWithTheirGenericTypes() {
        Object[] args = {new Order(7, new BigDecimal("12.50"), List.of("A", "B")), Set.of("x"), Map.of("k", 1)};

        Object[] back = codec.decode(method("structured"), codec.encode(method("structured"), args));

        assertThat(back).containsExactly(args);
    }

    @Test
    void setsWhoseOrderChangesWhenReadBackAreAccepted() {
        Set<String> regions = Set.of("EU", "US", "APAC", "LATAM", "MEA");
        Object[] args = {new Order(1, BigDecimal.ONE, List.of()), regions, Map.of("a", 1, "b", 2, "c", 3)};

        Object[] back = codec.decode(method("structured"), codec.encode(method("structured"), args));

        assertThat(back[1]).isEqualTo(regions);
    }

    @Test
    void valueThatJsonCannotCarryIsRefusedNamingTheParameter() {
        assertThatThrownBy(() -> codec.encode(method("opaque"), new Object[] {new Opaque(42)}))
                .isInstanceOf(JobArgumentException.class)
                .hasMessageStartingWith("Argument 'value' of job Jobs.opaque")
                .hasMessageContaining(Opaque.class.getName());
    }

    @Test
    void streamIsRefusedAtEnqueue() {
        assertThatThrownBy(() -> codec.encode(method("stream"), new Object[] {InputStream.nullInputStream()}))
                .isInstanceOf(JobArgumentException.class)
                .hasMessageContaining("Argument 'in'");
    }

    @Test
    void objectParameterRefusesAThreadAndAStreamNamingTheParameterAndTheType() {
        assertThatThrownBy(() -> codec.encode(method("anything"), new Object[] {new Thread()}))
                .isInstanceOf(JobArgumentException.class)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Argument 'value' of job Jobs.anything (a java.lang.Thread) cannot be stored");
        assertThatThrownBy(() ->
                        codec.encode(method("anything"), new Object[] {new ByteArrayInputStream(new byte[] {1, 2})}))
                .isInstanceOf(JobArgumentException.class)
                .hasMessageStartingWith(
                        "Argument 'value' of job Jobs.anything (a java.io.ByteArrayInputStream) cannot be stored")
                .hasMessageContaining("would reach the job as a java.util.HashMap")
                .hasMessageContaining("declared java.lang.Object");
    }

    @Test
    void objectParameterRefusesValuesThatWouldReachTheJobAsAnotherType() {
        assertThatThrownBy(() ->
                        codec.encode(method("anything"), new Object[] {new Order(1, BigDecimal.ONE, List.of())}))
                .isInstanceOf(JobArgumentException.class)
                .hasMessageContaining("would reach the job as a java.util.HashMap");
        assertThatThrownBy(() -> codec.encode(method("anything"), new Object[] {42}))
                .hasMessageContaining("(a java.lang.Integer) cannot be stored")
                .hasMessageContaining("would reach the job as a java.math.BigDecimal");
        assertThatThrownBy(() -> codec.encode(method("anything"), new Object[] {Tier.GOLD}))
                .hasMessageContaining("would reach the job as a java.lang.String");
    }

    @Test
    void objectParameterKeepsWhatJsonReadsBackAsItself() {
        Object[] text = {"hello"};
        Object[] map = {Map.of("name", "Ada", "tags", List.of("x", "y"), "vip", true)};

        assertThat(codec.decode(method("anything"), codec.encode(method("anything"), text)))
                .containsExactly("hello");
        assertThat(codec.decode(method("anything"), codec.encode(method("anything"), map)))
                .containsExactly(map);
    }

    @Test
    void valuesInsideUntypedCollectionsAndMapsMustComeBackAsTheirOwnType() {
        assertThatThrownBy(() -> codec.encode(method("list"), new Object[] {
                    List.of("a", new ByteArrayInputStream(new byte[] {1}))
                }))
                .isInstanceOf(JobArgumentException.class)
                .hasMessageContaining(
                        "its value [1] (a java.io.ByteArrayInputStream) would reach the job as a java.util.HashMap");
        assertThatThrownBy(() -> codec.encode(method("list"), new Object[] {List.of("a", new Thread())}))
                .isInstanceOf(JobArgumentException.class)
                .hasMessageContaining("Argument 'values' of job Jobs.list");
        assertThatThrownBy(() -> codec.encode(method("map"), new Object[] {Map.of("count", 3)}))
                .hasMessageContaining(
                        "its value ['count'] (a java.lang.Integer) would reach the job as a " + "java.math.BigDecimal");
        assertThatThrownBy(() -> codec.encode(method("collection"), new Object[] {Set.of("a")}))
                .hasMessageContaining("would reach the job as a java.util.ArrayList");
    }

    @Test
    void classWhoseStateJsonCannotSeeIsRefusedEvenWhenDeclaredAsItself() {
        assertThatThrownBy(() -> codec.encode(method("state"), new Object[] {new Stateful(7)}))
                .isInstanceOf(JobArgumentException.class)
                .hasMessageContaining("has state JSON-B cannot see: it would be stored as {}");
        assertThatThrownBy(() -> codec.encode(method("thread"), new Object[] {new Thread()}))
                .isInstanceOf(JobArgumentException.class)
                .hasMessageContaining("Argument 'thread'");
    }

    @Test
    void classWithoutStateAndRecordsWithNullComponentsAreStored() {
        assertThat(codec.encode(method("marker"), new Object[] {new Marker()})).isEqualTo("[{}]");
        Object[] order = {new Order(3, null, null)};

        assertThat(codec.decode(method("order"), codec.encode(method("order"), order)))
                .containsExactly(order);
    }

    @Test
    void containersComeBackAsAnyContainerOfTheirKind() {
        Object[] args = {Set.of(Map.of("a", "1"), Map.of("b", "2"))};

        assertThat(codec.decode(method("setOfMaps"), codec.encode(method("setOfMaps"), args)))
                .containsExactly(args);
    }

    @Test
    void entityPassedForAParameterNotDeclaredAsAnEntityIsRefused() {
        Customer ada = new Customer(42L);

        assertThatThrownBy(() -> codec.encode(method("anything"), new Object[] {ada}))
                .isInstanceOf(JobArgumentException.class)
                .hasMessageContaining("stored as a reference (type and id) only for a parameter declared as an entity");
    }

    @Test
    void entityIsStoredAsTypeAndIdAndLoadedBack() {
        Customer ada = new Customer(42L);
        entities.rows.put(42L, ada);

        String json = codec.encode(method("customer"), new Object[] {ada, "vip"});

        assertThat(json).isEqualTo("[{\"@entity\":\"" + Customer.class.getName() + "\",\"id\":42},\"vip\"]");
        assertThat(codec.decode(method("customer"), json)).containsExactly(ada, "vip");
    }

    @Test
    void entityWithoutIdIsRefused() {
        assertThatThrownBy(() -> codec.encode(method("customer"), new Object[] {new Customer(null), "x"}))
                .isInstanceOf(JobArgumentException.class)
                .hasMessageContaining("has no id yet");
    }

    @Test
    void argumentsOverTheSizeLimitAreRefusedWithTheLimit() {
        assertThatThrownBy(() -> codec.encode(method("simple"), new Object[] {"x".repeat(3_000), 1, null, null, null}))
                .isInstanceOf(JobArgumentException.class)
                .hasMessageContaining("over the limit of 2,000");
    }

    @Test
    void storedArgumentsThatNoLongerFitTheMethodAreReportedClearly() {
        assertThatThrownBy(() -> codec.decode(method("primitive"), "[1,2]"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("have 2 values but the method now takes 1");
    }

    private static final String CHANGED =
            " Was the parameter changed since the job was stored? Requeue the job once a deployment takes it as stored"
                    + " again, or cancel it.";

    @Test
    void anUnreadableArgument_tellsItsPositionTypeAndValue_forACallerThatSaysItInItsOwnWords() {
        assertThatThrownBy(() -> codec.decode(mail("send"), "[\"ada@example.org\",\"abc\"]"))
                .isInstanceOfSatisfying(UnreadableArgumentException.class, e -> {
                    assertThat(e.position()).isEqualTo(2);
                    assertThat(e.expected()).isEqualTo("a LocalDate");
                    assertThat(e.found()).isEqualTo("the text \"abc\"");
                });
    }

    @Test
    void aStoredTextItsParameterCannotReadAnyMore_failsWithASentenceNamingArgumentTypeAndValue() {
        assertThatThrownBy(() -> codec.decode(mail("retry"), "[\"abc\"]"))
                .isExactlyInstanceOf(UnreadableArgumentException.class)
                .hasMessage("Stored argument 1 of Mail.retry(int) cannot be read as an int: it is the text \"abc\"."
                        + CHANGED)
                .hasCauseInstanceOf(JsonbException.class);
        assertThatThrownBy(() -> codec.decode(mail("send"), "[\"ada@example.org\",\"abc\"]"))
                .isExactlyInstanceOf(UnreadableArgumentException.class)
                .hasMessage("Stored argument 2 of Mail.send(String, LocalDate) cannot be read as a LocalDate: it is the"
                        + " text \"abc\"." + CHANGED)
                .hasCauseInstanceOf(JsonbException.class);
        assertThatThrownBy(() -> codec.decode(mail("confirm"), "[\"abc\"]"))
                .isExactlyInstanceOf(UnreadableArgumentException.class)
                .hasMessage("Stored argument 1 of Mail.confirm(Order) cannot be read as an Order: it is the text "
                        + "\"abc\"." + CHANGED)
                .hasCauseInstanceOf(JsonbException.class);
    }

    @Test
    void aStoredListWhoseValuesItsParameterCannotRead_failsWithASentenceShowingTheList() {
        assertThatThrownBy(() -> codec.decode(mail("batch"), "[[1,\"abc\"]]"))
                .isExactlyInstanceOf(UnreadableArgumentException.class)
                .hasMessage("Stored argument 1 of Mail.batch(List<Integer>) cannot be read as a List<Integer>: it is"
                        + " the list [1,\"abc\"]." + CHANGED)
                .hasCauseInstanceOf(JsonbException.class);
        assertThatThrownBy(() -> codec.decode(mail("batch"), "[\"abc\"]"))
                .isExactlyInstanceOf(UnreadableArgumentException.class)
                .hasMessage("Stored argument 1 of Mail.batch(List<Integer>) cannot be read as a List<Integer>: it is"
                        + " the text \"abc\"." + CHANGED);
    }

    @Test
    void aLongStoredValue_isShownByItsFirst64Characters() {
        String text = "x".repeat(60) + "\"y\"\n" + "z".repeat(100);

        assertThatThrownBy(() -> codec.decode(
                        mail("retry"),
                        Json.createArrayBuilder().add(text).build().toString()))
                .hasMessage("Stored argument 1 of Mail.retry(int) cannot be read as an int: it is the text \""
                        + "x".repeat(60) + "\\\"y\\\"\\n\"\u2026 (164 characters)." + CHANGED);
        assertThatThrownBy(() -> codec.decode(mail("send"), "[\"a\",{\"day\":\"" + "1".repeat(100) + "\"}]"))
                .hasMessage("Stored argument 2 of Mail.send(String, LocalDate) cannot be read as a LocalDate: it is the"
                        + " object {\"day\":\"" + "1".repeat(56) + "\u2026." + CHANGED);
    }

    @Test
    void aStoredValueThatIsNoEntityReference_orWhoseIdDoesNotFit_failsWithASentence() {
        assertThatThrownBy(() -> codec.decode(mail("remind"), "[\"abc\",\"soon\"]"))
                .isExactlyInstanceOf(UnreadableArgumentException.class)
                .hasMessage("Stored argument 1 of Mail.remind(Customer, String) cannot be read as a Customer: it is"
                        + " the text \"abc\"." + CHANGED);
        assertThatThrownBy(() -> codec.decode(mail("remind"), "[{\"id\":1},\"soon\"]"))
                .isExactlyInstanceOf(UnreadableArgumentException.class)
                .hasMessage("Stored argument 1 of Mail.remind(Customer, String) cannot be read as a Customer: it is"
                        + " the object {\"id\":1}." + CHANGED);
        String reference = "{\"@entity\":\"" + Customer.class.getName() + "\",\"id\":\"x\"}";
        assertThatThrownBy(() -> codec.decode(mail("remind"), "[" + reference + ",\"soon\"]"))
                .isExactlyInstanceOf(UnreadableArgumentException.class)
                .hasMessageStartingWith("Stored argument 1 of Mail.remind(Customer, String) cannot be read as a "
                        + "Customer: it is the object " + reference.substring(0, 64) + "\u2026.")
                .hasCauseInstanceOf(JsonbException.class);
    }

    @Test
    void storedArgumentsThatAreNoJsonArray_failWithASentence_notTheParsersWords() {
        assertThatThrownBy(() -> codec.decode(mail("retry"), "{\"times\":3}"))
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessage("Stored arguments of Mail.retry(int) cannot be read: they are the object {\"times\":3}, not"
                        + " a JSON array with one value per parameter. Were they edited by hand? Cancel the job, or"
                        + " enqueue it anew.");
        assertThatThrownBy(() -> codec.decode(mail("retry"), "3"))
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith(
                        "Stored arguments of Mail.retry(int) cannot be read: they are the number 3, not");
        assertThatThrownBy(() -> codec.decode(mail("retry"), "[3,"))
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessage("Stored arguments of Mail.retry(int) cannot be read: they are not JSON ([3,). They must be"
                        + " a JSON array, one value per parameter: cancel the job, or enqueue it anew.")
                .hasCauseInstanceOf(JsonException.class);
        assertThatThrownBy(() -> codec.decode(mail("retry"), " "))
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith(
                        "Stored arguments of Mail.retry(int) cannot be read: they are empty. They must");
    }

    @Test
    void stringsIntegersAndBooleansComeBackAsTheDeclaredTypes() {
        Object[] args = {"name \"quoted\" é", Integer.MIN_VALUE, 7, Long.MAX_VALUE, true, null};

        Object[] back = codec.decode(method("plain"), codec.encode(method("plain"), args));

        assertThat(back).containsExactly(args);
        assertThat(back[1]).isInstanceOf(Integer.class);
        assertThat(back[3]).isInstanceOf(Long.class);
    }

    @Test
    void storedIntegerTooLargeForItsParameterIsRefusedNotCutDown() {
        assertThatThrownBy(() -> codec.decode(method("primitive"), "[9223372036854775808]"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Stored argument 1 of")
                .hasMessageContaining("is 9223372036854775808, which a parameter of type long cannot hold");
        assertThatThrownBy(() -> codec.decode(method("plain"), "[\"a\",3000000000,1,1,true,null]"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Stored argument 2 of")
                .hasMessageContaining("type Integer cannot hold");
    }

    @Test
    void storedValueOfAnotherJsonTypeIsLeftToJsonB() {
        Object[] back = codec.decode(method("plain"), "[\"a\",2,3,4,false,null]");
        assertThat(back).containsExactly("a", 2, 3, 4L, false, null);
        assertThatThrownBy(() -> codec.decode(method("plain"), "[\"a\",\"two\",3,4,false,null]"))
                .isInstanceOf(RuntimeException.class);
    }

    @Test
    void emptyOptionalsAndJsonNull_reachTheJobAsThemselves_notAsNull() {
        Object[] args = {Optional.empty(), OptionalInt.empty(), JsonValue.NULL};

        String json = codec.encode(method("note"), args);

        assertThat(json).isEqualTo("[null,null,null]");
        assertThat(codec.decode(method("note"), json)).containsExactly(args);
        Object[] present = {Optional.of("hi"), OptionalInt.of(3), Json.createValue("x")};
        assertThat(codec.decode(method("note"), codec.encode(method("note"), present)))
                .containsExactly(present);
    }

    @Test
    void aNullPassedForAnOptional_isRefused_forItWouldReachTheJobAsAnEmptyOne() {
        assertThatThrownBy(() -> codec.encode(method("note"), new Object[] {null, OptionalInt.empty(), null}))
                .isInstanceOf(JobArgumentException.class)
                .hasMessage("Argument 'note' of job Jobs.note cannot be stored: it is null, and a null Optional is "
                        + "stored as Optional.empty() is, so the job would get Optional.empty(). Pass "
                        + "Optional.empty().");
        assertThatThrownBy(
                        () -> codec.encode(method("note"), new Object[] {Optional.empty(), OptionalInt.empty(), null}))
                .isInstanceOf(JobArgumentException.class)
                .hasMessageContaining("Argument 'extra'")
                .hasMessageContaining("Pass JsonValue.NULL.");
    }

    @Test
    void aRecordComponentThatWouldReachTheJobAsAnotherType_isRefusedNamingTheComponent() {
        assertThatThrownBy(() -> codec.encode(method("event"), new Object[] {new Event("paid", 42)}))
                .isInstanceOf(JobArgumentException.class)
                .hasMessageStartingWith("Argument 'event' of job Jobs.event")
                .hasMessageContaining(
                        "its component payload (a java.lang.Integer) would reach the job as a java.math.BigDecimal");
        Map<Object, String> labels = new HashMap<>();
        labels.put(7L, "seven");
        assertThatThrownBy(() -> codec.encode(method("labelled"), new Object[] {new Labelled(labels)}))
                .isInstanceOf(JobArgumentException.class)
                .hasMessageContaining("the key 7 (a java.lang.Long) of component labels comes back as another type");
        assertThatThrownBy(() ->
                        codec.encode(method("event"), new Object[] {new Event("nested", List.of(Map.of("n", 1)))}))
                .hasMessageContaining("its component payload[0]['n'] (a java.lang.Integer) would reach the job as a "
                        + "java.math.BigDecimal");
    }

    @Test
    void recordsWhoseComponentsComeBackAsThemselves_areStored() {
        Object[] args = {new Event("paid", List.of("a", Map.of("b", true)))};

        assertThat(codec.decode(method("event"), codec.encode(method("event"), args)))
                .containsExactly(args);
        Map<Object, String> labels = Map.of("seven", "7");
        assertThat(codec.decode(
                        method("labelled"), codec.encode(method("labelled"), new Object[] {new Labelled(labels)})))
                .containsExactly(new Labelled(labels));
    }

    @Test
    void recordsInsideASet_andBeanProperties_areComparedToo() {
        assertThatThrownBy(() -> codec.encode(method("events"), new Object[] {Set.of(new Event("a", 1L))}))
                .isInstanceOf(JobArgumentException.class)
                .hasMessageContaining("(a java.lang.Long) would reach the job as a java.math.BigDecimal");
        assertThatThrownBy(() -> codec.encode(method("invoice"), new Object[] {new Invoice(12)}))
                .isInstanceOf(JobArgumentException.class)
                .hasMessageContaining(
                        "its property total (a java.lang.Integer) would reach the job as a java.math.BigDecimal");
        Object[] text = {new Invoice("12.50 EUR")};
        assertThat(((Invoice) codec.decode(method("invoice"), codec.encode(method("invoice"), text))[0]).getTotal())
                .isEqualTo("12.50 EUR");
    }

    @Test
    void javaTimeTypesJsonBCannotReadBack_areRefusedAtTheCall() {
        assertThatThrownBy(() -> codec.encode(method("year"), new Object[] {Year.of(2026)}))
                .isInstanceOf(JobArgumentException.class)
                .hasMessageStartingWith("Argument 'year' of job Jobs.year (a java.time.Year) cannot be stored")
                .hasMessageContaining("cannot be read back");
        assertThatThrownBy(() -> codec.encode(method("temporal"), new Object[] {JapaneseDate.of(2026, 1, 2)}))
                .isInstanceOf(JobArgumentException.class)
                .hasMessageContaining("java.time.chrono.JapaneseDate");
    }

    @Test
    void javaTimeTypesJsonBReadsBack_comeBackEqual() {
        Object[] args = {
            LocalDateTime.of(2026, 1, 2, 3, 4, 5, 6),
            LocalTime.of(3, 4, 5, 123_456_789),
            OffsetDateTime.parse("2026-01-02T03:04:05.5+02:00"),
            OffsetTime.parse("03:04:05-05:00"),
            ZonedDateTime.of(2026, 7, 1, 12, 0, 0, 0, ZoneId.of("Europe/Paris")),
            YearMonth.of(2026, 2)
        };

        assertThat(codec.decode(method("times"), codec.encode(method("times"), args)))
                .containsExactly(args);
    }

    @Test
    void numbersPostgreSqlJsonbWouldChange_areRefusedAtTheCall() {
        // jsonb holds numbers as PostgreSQL numeric: no negative scale (1E+3 comes back as 1000, not equal in Java),
        // no negative zero, and at most 131,072 digits before the decimal point and 16,383 after it.
        assertThatThrownBy(() -> codec.encode(method("amount"), new Object[] {new BigDecimal("1E+3"), 1.0, null, null}))
                .isInstanceOf(JobArgumentException.class)
                .hasMessageStartingWith(
                        "Argument 'amount' of job Jobs.amount (a java.math.BigDecimal) cannot be stored")
                .hasMessageContaining("it is the BigDecimal 1E+3 (scale -3)")
                .hasMessageContaining("it would come back as 1000")
                .hasMessageContaining("setScale(0)");
        assertThatThrownBy(() -> codec.encode(method("amount"), new Object[] {BigDecimal.ONE, -0.0, null, null}))
                .hasMessageContaining("Argument 'ratio'")
                .hasMessageContaining("it is -0.0, which PostgreSQL's jsonb stores as 0");
        assertThatThrownBy(() -> codec.encode(method("amount"), new Object[] {BigDecimal.ONE, 1.0, -0.0f, null}))
                .hasMessageContaining("Argument 'share'");
        assertThatThrownBy(() ->
                        codec.encode(method("amount"), new Object[] {new BigDecimal("1E-16384"), 1.0, null, null}))
                .hasMessageContaining("it has 16384 digits after the decimal point, more than PostgreSQL's jsonb");
        assertThatThrownBy(() -> codec.encode(
                        method("amount"), new Object[] {BigDecimal.ONE, 1.0, null, BigInteger.TEN.pow(131_072)}))
                .hasMessageContaining("Argument 'big'")
                .hasMessageContaining("it has 131073 digits");
        assertThatThrownBy(() -> codec.encode(
                        method("order"), new Object[] {new Order(1, new BigDecimal("1E+200000"), List.of())}))
                .hasMessageContaining("its component amount is the BigDecimal 1E+200000");
        assertThatThrownBy(() -> codec.encode(method("ratios"), new Object[] {new double[] {1.0, -0.0}}))
                .hasMessageContaining("its value [1] is -0.0");
        assertThatThrownBy(() -> codec.encode(method("json"), new Object[] {
                    Json.createObjectBuilder().add("n", new BigDecimal("1E+3")).build()
                }))
                .hasMessageContaining("its value ['n'] is the BigDecimal 1E+3");
    }

    @Test
    void numbersJsonbKeepsAsTheyAre_areStored() {
        Object[] args = {new BigDecimal("12.500"), 1.0E300, 0.0f, BigInteger.TEN.pow(400)};

        assertThat(codec.decode(method("amount"), codec.encode(method("amount"), args)))
                .containsExactly(args);
        assertThat(codec.encode(method("amount"), new Object[] {new BigDecimal("1E-16383"), 4.9E-324, null, null}))
                .isNotEmpty();
    }

    @Test
    void entitiesInsideListsAndRecords_areRefused_forTheJobWouldGetAStaleCopy() {
        assertThatThrownBy(() -> codec.encode(method("customers"), new Object[] {List.of(new Customer(1L))}))
                .isInstanceOf(JobArgumentException.class)
                .hasMessageContaining("its value [0] is a JPA entity (a " + Customer.class.getName() + ")")
                .hasMessageContaining("pass the entity's id, or declare a parameter of type Customer");
        assertThatThrownBy(() -> codec.encode(method("anything"), new Object[] {Map.of("c", new Customer(1L))}))
                .isInstanceOf(JobArgumentException.class)
                .hasMessageContaining("is a JPA entity");
        assertThatThrownBy(() -> codec.encode(method("visit"), new Object[] {new Visit(new Product(5L), "x")}))
                .isInstanceOf(JobArgumentException.class)
                .hasMessageContaining("its component product is a JPA entity (a " + Product.class.getName() + ")");
    }

    @Test
    void aCycle_isRefusedAsAJobArgumentException_notAStackOverflowError() {
        List<Object> loop = new ArrayList<>();
        loop.add("start");
        loop.add(loop);
        assertThatThrownBy(() -> codec.encode(method("list"), new Object[] {loop}))
                .isInstanceOf(JobArgumentException.class)
                .hasMessageContaining("Argument 'values' of job Jobs.list")
                .hasMessageContaining("it refers to itself (a cycle");
        List<Link> next = new ArrayList<>();
        Link link = new Link("a", next);
        next.add(link);
        assertThatThrownBy(() -> codec.encode(method("link"), new Object[] {link}))
                .isInstanceOf(JobArgumentException.class)
                .hasMessageContaining("it refers to itself (a cycle");
    }

    @Test
    void equalArguments_giveOneExactIdentityKey_whateverOrderTheirMapsAndSetsIterateIn() {
        Map<String, Integer> ab = new LinkedHashMap<>();
        ab.put("a", 1);
        ab.put("b", 2);
        Map<String, Integer> ba = new LinkedHashMap<>();
        ba.put("b", 2);
        ba.put("a", 1);
        Set<String> xy = new LinkedHashSet<>(List.of("x", "y"));
        Set<String> yx = new LinkedHashSet<>(List.of("y", "x"));
        Object[] one = {ab, xy, List.of("1", "2"), new Tagged(new LinkedHashSet<>(List.of(1, 2)), List.of(1, 2))};
        Object[] other = {ba, yx, List.of("1", "2"), new Tagged(new LinkedHashSet<>(List.of(2, 1)), List.of(1, 2))};
        Object[] reordered = {ab, xy, List.of("2", "1"), new Tagged(Set.of(1, 2), List.of(2, 1))};

        String oneKey = exactKey(one);

        assertThat(codec.encode(method("identity"), one)).isNotEqualTo(codec.encode(method("identity"), other));
        assertThat(exactKey(other)).isEqualTo(oneKey);
        assertThat(exactKey(reordered))
                .as("a list's order is part of its value")
                .isNotEqualTo(oneKey);
    }

    @Test
    void argumentsWrittenInCanonicalOrderAlready_keepTheirText_soTheirIdentityKeysStayAsBefore() {
        Object[] args = {Map.of("a", 1), Set.of("x"), List.of("2", "1"), new Tagged(Set.of(1), List.of(3, 2))};
        String json = codec.encode(method("identity"), args);

        assertThat(codec.canonical(method("identity"), json)).isEqualTo(json);
        assertThat(codec.canonical(method("simple"), "[\"a \\\"q\\\"\",3,\"GOLD\",null,null]"))
                .isEqualTo("[\"a \\\"q\\\"\",3,\"GOLD\",null,null]");
        assertThat(IdentityKey.EXACT.of(new IdentityKey.NewJob("f", json, json, null, "root", 10)))
                .isEqualTo(IdentityKey.EXACT.of(new IdentityKey.NewJob("f", json, null, "root", 10)));
    }

    private String exactKey(Object[] args) {
        String json = codec.encode(method("identity"), args);
        return IdentityKey.EXACT.of(
                new IdentityKey.NewJob("f", json, codec.canonical(method("identity"), json), null, "root", 10));
    }
}
