package id.siklus.query.platform;

import id.siklus.api.household.Sealed;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.convert.UpdateMapper;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.query.Update;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The fast path gives exactly what Spring's UpdateMapper gives, and leaves everything else to it. */
class PlainUpdateTest {

    private static InMemoryMongo mongo;
    private static UpdateMapper mapper;

    @BeforeAll
    static void start() {
        mongo = InMemoryMongo.start("plain-update");
        mapper = new UpdateMapper(mongo.template().getConverter());
    }

    @AfterAll
    static void stop() {
        mongo.close();
    }

    private static Document spring(Update update) {
        return mapper.getMappedObject(update.getUpdateObject(), (MongoPersistentEntity<?>) null);
    }

    @Test
    void plainValuesMapAsSpringMapsThem() {
        Document payload = new Document("householdId", "h-1").append("members", 4).append("amount", 3_000_000_000L)
                .append("ratio", 0.25).append("poor", true).append("note", null)
                .append("memberIds", Arrays.asList("a", "b", null))
                .append("address", new Document("rw", 3).append("rt", List.of(1, 2)));
        List<Update> updates = List.of(
                new Update().set("kelurahanCode", "3171").set("sequence", 12L).set("payload", payload)
                        .set("metadata", new Document("clientId", "lkm").append("traceId", "t"))
                        .set("recordedAt", Instant.parse("2026-11-28T04:35:01.675Z"))
                        .set("effectiveDate", null).set("entityIds", new ArrayList<>(List.of("3171", "h-1"))),
                new Update().inc("ekonomi", 50_000_000L).inc("count", 1).push("plans", new Document("fromYear", 2010))
                        .addToSet("members", "h2").set("stages.REFLEKSI", new Document("men", 3)),
                new Update().pull("members", "h2").unset("closedOn").set("at", new Date(1_700_000_000_000L)),
                new Update().set("nested", List.of(new Document("list", List.of(List.of(1L, 2L)))))
        );
        for (Update update : updates) {
            assertThat(PlainUpdate.of(update.getUpdateObject())).isEqualTo(spring(update));
        }
        assertThat(PlainUpdate.of(updates.get(0).getUpdateObject()).get("$set", Document.class).get("recordedAt"))
                .isEqualTo(Date.from(Instant.parse("2026-11-28T04:35:01.675Z")));
    }

    @Test
    void whatSpringMustMapIsLeftToIt() {
        List<Update> updates = List.of(
                new Update().set("headName", new Sealed("h1", "c2VhbGVk")),
                new Update().set("day", DayOfWeek.MONDAY),
                new Update().set("on", LocalDate.of(2026, 11, 28)),
                new Update().set("share", new BigDecimal("0.5")),
                new Update().set("payload", new Document("nested", new Document("id", "5f1d7f3e9d1e8b2a3c4d5e6f"))),
                new Update().set("payload", new Document("_id", "x")),
                new Update().set("id", "5f1d7f3e9d1e8b2a3c4d5e6f"),
                new Update().set("payload", new Document("a.b", 1)),
                new Update().push("plans").each(1, 2),
                new Update().set("list", List.of(new Sealed("h1", "c2VhbGVk"))));
        for (Update update : updates) {
            assertThat(PlainUpdate.of(update.getUpdateObject())).as(update.toString()).isNull();
        }
    }

    @Test
    void documentsAndListsAreCopies() {
        List<Object> members = new ArrayList<>(List.of("a"));
        Document address = new Document("rw", 3);
        Document mapped = PlainUpdate.of(new Update().set("members", members).set("address", address)
                .getUpdateObject());
        mapped.get("$set", Document.class).getList("members", Object.class).add("b");
        mapped.get("$set", Document.class).get("address", Document.class).put("rt", 4);
        assertThat(members).containsExactly("a");
        assertThat(address).isEqualTo(new Document("rw", 3));
    }
}
