package org.queuejob.infrastructure.serialization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
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
}
