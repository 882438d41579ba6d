package id.siklus.query.household;

import id.siklus.api.household.HouseholdReclassified;
import id.siklus.api.household.HouseholdRegistered;
import id.siklus.api.household.PovertyStatus;
import id.siklus.api.household.Sealed;
import id.siklus.query.platform.InMemoryMongo;
import id.siklus.query.platform.MemoryReadModel;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The counted places against an oracle: the same households counted one by one from the registry's own documents,
 * after a random history of registrations and reclassifications, with every event delivered again.
 */
class HouseholdPlacesProjectionTest {

    private static final String CODE = "35.71.03.1001";
    private static final String OTHER = "35.71.03.1002";
    private static final Instant RECORDED = Instant.parse("2025-03-01T08:15:30.123Z");

    private static InMemoryMongo mongo;
    private MongoTemplate template;
    private HouseholdRegistryProjection registry;
    private HouseholdPlacesProjection places;

    @BeforeAll
    static void startMongo() {
        mongo = InMemoryMongo.start("household-places-test");
    }

    @AfterAll
    static void stopMongo() {
        mongo.close();
    }

    @BeforeEach
    void fresh() {
        template = mongo.template();
        template.dropCollection(HouseholdRegistryProjection.COLLECTION);
        template.dropCollection(HouseholdPlacesProjection.COLLECTION);
        registry = new HouseholdRegistryProjection(template, mongo.idempotentUpsert());
        places = new HouseholdPlacesProjection(template, mongo.idempotentUpsert());
    }

    private static HouseholdRegistered registered(String id, String code, String rw, String rt, PovertyStatus status) {
        return new HouseholdRegistered(id, code, rw, rt, new Sealed(id, "c2VhbGVk"), 4, status, null, null,
                LocalDate.of(2009, 5, 2));
    }

    private static HouseholdReclassified reclassified(String id, String code, PovertyStatus from, PovertyStatus to) {
        return new HouseholdReclassified(id, code, from, to, "musyawarah", LocalDate.of(2010, 5, 20));
    }

    /** Both projections of the processing group, in the order Axon would call them. */
    private void deliver(Object event, long sequence) {
        if (event instanceof HouseholdRegistered r) {
            registry.on(r, sequence, RECORDED);
            places.on(r, r.kelurahanCode(), sequence);
        } else {
            HouseholdReclassified c = (HouseholdReclassified) event;
            registry.on(c, sequence);
            places.on(c, c.kelurahanCode(), sequence);
        }
    }

    /** The oracle: households and poor households per RW and RT, counted from the registry's documents. */
    private Map<String, Map<String, long[]>> countedOneByOne(String code) {
        Map<String, Map<String, long[]>> counts = new TreeMap<>();
        for (int page = 0; ; page++) {
            List<HouseholdRegistryProjection.HouseholdDocument> households = registry.page(code, page, 500);
            if (households.isEmpty()) {
                return counts;
            }
            for (HouseholdRegistryProjection.HouseholdDocument h : households) {
                long[] c = counts.computeIfAbsent(h.rw(), k -> new TreeMap<>()).computeIfAbsent(h.rt(),
                        k -> new long[2]);
                c[0]++;
                if (Boolean.TRUE.equals(h.poor())) {
                    c[1]++;
                }
            }
        }
    }

    private static Map<String, Map<String, List<Long>>> comparable(Map<String, Map<String, long[]>> places) {
        Map<String, Map<String, List<Long>>> out = new TreeMap<>();
        places.forEach((rw, rts) -> rts.forEach((rt, c) -> out.computeIfAbsent(rw, k -> new TreeMap<>())
                .put(rt, List.of(c[0], c[1]))));
        return out;
    }

    @Test
    void aRandomHistoryDeliveredTwiceCountsWhatTheHouseholdsSay() {
        Random random = new Random(20261128);
        PovertyStatus[] statuses = PovertyStatus.values();
        List<Object> history = new ArrayList<>();
        Map<String, PovertyStatus> status = new java.util.HashMap<>();
        for (int i = 0; i < 600; i++) {
            if (status.isEmpty() || random.nextInt(4) > 0) {
                String id = "h" + i;
                PovertyStatus s = statuses[random.nextInt(statuses.length)];
                history.add(registered(id, CODE, "0" + (1 + random.nextInt(4)), "00" + (1 + random.nextInt(6)), s));
                status.put(id, s);
            } else {
                String id = new ArrayList<>(status.keySet()).get(random.nextInt(status.size()));
                PovertyStatus to = statuses[random.nextInt(statuses.length)];
                history.add(reclassified(id, CODE, status.get(id), to));
                status.put(id, to);
            }
        }
        // the kelurahan's sequence runs through every event; each event arrives, then sometimes an earlier one again
        for (int s = 0; s < history.size(); s++) {
            deliver(history.get(s), s);
            if (random.nextInt(5) == 0) {
                int again = random.nextInt(s + 1);
                deliver(history.get(again), again);
            }
        }
        for (int s = 0; s < history.size(); s++) {
            deliver(history.get(s), s);
        }

        Map<String, Map<String, long[]>> counted = places.places(CODE);
        assertThat(comparable(counted)).isEqualTo(comparable(countedOneByOne(CODE)));
        long poor = status.values().stream().filter(PovertyStatus::isPoor).count();
        assertThat(HouseholdPlacesProjection.total(counted)).containsExactly(status.size(), poor);
        assertThat(HouseholdPlacesProjection.total(counted)[0]).isEqualTo(registry.countHouseholds(CODE));
        assertThat(HouseholdPlacesProjection.total(counted)[1]).isEqualTo(registry.countPoor(CODE));
    }

    @Test
    void aReclassificationMovesOnlyThePoorCountOfTheHouseholdsOwnRt() {
        deliver(registered("h1", CODE, "03", "010", PovertyStatus.MISKIN), 0);
        deliver(registered("h2", CODE, "03", "011", PovertyStatus.HAMPIR_MISKIN), 1);
        deliver(reclassified("h1", CODE, PovertyStatus.MISKIN, PovertyStatus.HAMPIR_MISKIN), 2);
        deliver(reclassified("h2", CODE, PovertyStatus.HAMPIR_MISKIN, PovertyStatus.TIDAK_MISKIN), 3);

        Map<String, Map<String, long[]>> counted = places.places(CODE);
        assertThat(counted.get("03").get("010")).containsExactly(1, 0);
        assertThat(counted.get("03").get("011")).containsExactly(1, 0);
    }

    @Test
    void householdsRecordedInTheirOwnStreamsBeforeAdr0005AreCountedWithTheirKelurahan() {
        // each such household is its own stream, so each registration has sequence 0 of its stream
        for (String id : List.of("old1", "old2", "old3")) {
            HouseholdRegistered r = registered(id, CODE, "01", "001", PovertyStatus.MISKIN);
            registry.on(r, 0, RECORDED);
            places.on(r, id, 0);
            places.on(r, id, 0);
        }
        HouseholdReclassified c = reclassified("old2", CODE, PovertyStatus.MISKIN, PovertyStatus.TIDAK_MISKIN);
        registry.on(c, 1);
        places.on(c, "old2", 1);
        deliver(registered("h1", CODE, "01", "001", PovertyStatus.MISKIN), 0);

        assertThat(places.places(CODE).get("01").get("001")).containsExactly(4, 3);
        assertThat(places.totals(List.of(CODE)).get(CODE)).containsExactly(4, 3);
        assertThat(comparable(places.places(CODE))).isEqualTo(comparable(countedOneByOne(CODE)));
    }

    @Test
    void severalKelurahanAreCountedInOneReadAndAnUnknownOneHasNone() {
        deliver(registered("h1", CODE, "01", "001", PovertyStatus.MISKIN), 0);
        deliver(registered("h2", CODE, "01", "001", PovertyStatus.HAMPIR_MISKIN), 1);
        deliver(registered("h3", OTHER, "01", "001", PovertyStatus.MISKIN), 0);

        Map<String, long[]> totals = places.totals(List.of(CODE, OTHER, "35.71.03.1003"));

        assertThat(totals).containsOnlyKeys(CODE, OTHER);
        assertThat(totals.get(CODE)).containsExactly(2, 1);
        assertThat(totals.get(OTHER)).containsExactly(1, 1);
        assertThat(places.places("35.99.99.9999")).isEmpty();
    }

    @Test
    void aViewOfThePastCountsFromItsOwnFoldNotFromTheStore() {
        deliver(registered("h1", CODE, "01", "001", PovertyStatus.MISKIN), 0);

        MemoryReadModel past = new MemoryReadModel();
        past.folding(() -> {
            deliver(registered("h1", CODE, "01", "001", PovertyStatus.MISKIN), 0);
            deliver(registered("h2", CODE, "01", "002", PovertyStatus.MISKIN), 1);
            deliver(reclassified("h1", CODE, PovertyStatus.MISKIN, PovertyStatus.TIDAK_MISKIN), 2);
            return null;
        });

        Map<String, Map<String, long[]>> then = HouseholdPlacesProjection.places(past, CODE);
        assertThat(then.get("01").get("001")).containsExactly(1, 0);
        assertThat(then.get("01").get("002")).containsExactly(1, 1);
        assertThat(places.places(CODE).get("01").get("001")).as("the store is untouched").containsExactly(1, 1);
        assertThat(places.places(CODE).get("01")).doesNotContainKey("002");
    }

    @Test
    void householdsKeptBeforeThePlacesExistedAreCountedOnceAtStartUpAndGuardedByTheirSequence() {
        registry.on(registered("h1", CODE, "01", "001", PovertyStatus.MISKIN), 4, RECORDED);
        registry.on(registered("h2", CODE, "01", "002", PovertyStatus.TIDAK_MISKIN), 9, RECORDED);
        registry.on(registered("h3", OTHER, "02", "001", PovertyStatus.MISKIN), 1, RECORDED);

        HouseholdPlacesProjection started = new HouseholdPlacesProjection(template, mongo.idempotentUpsert());

        assertThat(started.totals(List.of(CODE, OTHER)).get(CODE)).containsExactly(2, 1);
        assertThat(started.totals(List.of(CODE, OTHER)).get(OTHER)).containsExactly(1, 1);
        // a redelivered event the households already reflect is not counted again; a new one is
        started.on(registered("h2", CODE, "01", "002", PovertyStatus.TIDAK_MISKIN), CODE, 9);
        assertThat(started.places(CODE).get("01").get("002")).containsExactly(1, 0);
        registry.on(registered("h4", CODE, "01", "002", PovertyStatus.MISKIN), 10, RECORDED);
        started.on(registered("h4", CODE, "01", "002", PovertyStatus.MISKIN), CODE, 10);
        assertThat(started.places(CODE).get("01").get("002")).containsExactly(2, 1);

        // a second start finds them counted and leaves them alone
        new HouseholdPlacesProjection(template, mongo.idempotentUpsert());
        assertThat(started.places(CODE).get("01").get("002")).containsExactly(2, 1);
        Document stored = template.findById(CODE, Document.class, HouseholdPlacesProjection.COLLECTION);
        assertThat(stored.get("sourceSequence", Number.class).longValue()).isEqualTo(10);
    }
}
