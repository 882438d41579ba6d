package id.siklus.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import id.siklus.api.household.HouseholdRegistered;
import id.siklus.api.kelurahan.KelurahanRegistered;
import id.siklus.api.loan.LoanDisbursed;
import id.siklus.command.privacy.PersonalDataVault;
import id.siklus.support.trust.EventHashes;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Grows the event store to a history size no run could write through the API in its time box (the 1M and 5M
 * stored events): the other kelurahan of the country, each a copy of one of the city's kelurahan with every id made
 * its own. A copy is made from the stored events of its template — every event the command-service recorded for it,
 * payload and metadata — with the kelurahan code, every UUID (households, KSM, loans, repayments, complaints,
 * requests) and the kota replaced, and then stored as the command-service stores an event: chained to the previous
 * event of its stream with {@link EventHashes} (so {@code /api/v1/audit/verify} holds for it), its households' names
 * sealed with keys of their own through the command-service's {@link PersonalDataVault}, and its household and loan
 * ids claimed in {@code household_identity} and {@code loan_directory} in the same transaction as its events.
 *
 * <p>Only the event store is written: the publisher puts the copies on the topic and the projections fold them into
 * the read models as they would any event, which the harness waits for (and reports) before measuring again. Copies
 * belong to other kota ({@value #KOTA_PREFIX}N, 40 kelurahan each), so the city's own views keep their size and only
 * the history around them grows.
 */
final class HistorySeeder {

    static final String KOTA_PREFIX = "Kota Riwayat ";
    private static final int KELURAHAN_PER_KOTA = 40;
    private static final Pattern UUIDS = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final BenchSystem system;
    private final PersonalDataVault vault;
    private final ObjectMapper json = new ObjectMapper();
    private int copies;

    HistorySeeder(BenchSystem system) {
        this.system = system;
        this.vault = system.command.getBean(PersonalDataVault.class);
    }

    /** What one growth step did. */
    record Result(long eventsBefore, long eventsAfter, int kelurahan, double seconds, String firstCode,
                  String lastCode) {
        double eventsPerSecond() {
            return (eventsAfter - eventsBefore) / seconds;
        }

        @Override
        public String toString() {
            return "seeded %d events (%d kelurahan copies) in %.1f s = %.0f events/s; the store holds %d"
                    .formatted(eventsAfter - eventsBefore, kelurahan, seconds, eventsPerSecond(), eventsAfter);
        }
    }

    /** One stored event of a template kelurahan. */
    private record Template(String eventId, byte[] metaData, byte[] payload, String payloadRevision,
                            String payloadType, String timeStamp, long sequence, String type) {
    }

    /** One event of a copy, ready to insert, and the ids it claims. */
    private record Row(String eventId, byte[] metaData, byte[] payload, Template template, String aggregate,
                       String householdClaim, String loanClaim) {
    }

    /**
     * Adds copies of the templates' kelurahan, round robin, until the store holds at least {@code target} events.
     * Two threads make the copies (parsing, sealing and hashing cost CPU), one connection stores them, a copy per
     * transaction, in order.
     */
    Result growTo(long target, List<String> templateCodes) throws Exception {
        long before = system.storedEvents();
        long began = System.nanoTime();
        List<List<Template>> templates = new ArrayList<>();
        for (String code : templateCodes) {
            templates.add(load(code));
        }
        long stored = before;
        int made = 0;
        int first = copies;
        ExecutorService workers = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "bench-seeder");
            t.setDaemon(true);
            return t;
        });
        try (Connection c = system.jdbc()) {
            c.setAutoCommit(false);
            List<Future<List<Row>>> pending = new ArrayList<>();
            long planned = before;
            while (stored < target || !pending.isEmpty()) {
                // keep a few copies being made ahead of the one being stored
                while (pending.size() < 4 && planned < target) {
                    int copy = copies++;
                    List<Template> template = templates.get(copy % templates.size());
                    String from = templateCodes.get(copy % templates.size());
                    pending.add(workers.submit(() -> copy(template, from, copy)));
                    planned += template.size();
                }
                if (pending.isEmpty()) {
                    break;
                }
                List<Row> rows = pending.remove(0).get();
                insert(c, rows);
                stored += rows.size();
                made++;
            }
        } finally {
            workers.shutdownNow();
        }
        return new Result(before, system.storedEvents(), made, (System.nanoTime() - began) / 1e9, code(first),
                code(first + made - 1));
    }

    private List<Template> load(String code) throws SQLException {
        List<Template> events = new ArrayList<>();
        try (Connection c = system.jdbc(); PreparedStatement s = c.prepareStatement(
                "SELECT event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp, "
                        + "sequence_number, type FROM domain_event_entry WHERE aggregate_identifier = ? "
                        + "ORDER BY sequence_number")) {
            s.setString(1, code);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    events.add(new Template(r.getString(1), r.getBytes(2), r.getBytes(3), r.getString(4),
                            r.getString(5), r.getString(6), r.getLong(7), r.getString(8)));
                }
            }
        }
        if (events.isEmpty()) {
            throw new IllegalStateException("The template kelurahan " + code + " has no events");
        }
        return events;
    }

    /** The code of the n-th copy: unique for n below 40,000 (province 60–69 from n / 4000, last part from n % 4000). */
    static String code(int n) {
        if (n >= 40_000) {
            throw new IllegalStateException("More than 40,000 kelurahan copies would repeat kelurahan codes; ask "
                    + "--growth for fewer stored events (the country has about 11,000 kelurahan)");
        }
        return "%02d.%02d.%02d.%04d".formatted(60 + n / 4000, (n / KELURAHAN_PER_KOTA) % 100,
                1 + (n % KELURAHAN_PER_KOTA) / 10, 1001 + n % 4000);
    }

    private List<Row> copy(List<Template> template, String from, int n) throws Exception {
        String code = code(n);
        Map<String, String> ids = new HashMap<>();
        List<Row> rows = new ArrayList<>(template.size());
        String previous = EventHashes.GENESIS;
        for (Template t : template) {
            ObjectNode payload = (ObjectNode) json.readTree(t.payload());
            rename(payload, from, code, n, ids);
            String householdClaim = null;
            String loanClaim = null;
            if (t.payloadType().equals(KelurahanRegistered.class.getName())) {
                payload.put("name", "Kelurahan Riwayat " + (n + 1));
                payload.put("kota", KOTA_PREFIX + (n / KELURAHAN_PER_KOTA + 1));
            } else if (t.payloadType().equals(HouseholdRegistered.class.getName())) {
                householdClaim = payload.path("householdId").asText();
                reseal(payload, householdClaim, code);
            } else if (t.payloadType().equals(LoanDisbursed.class.getName())) {
                loanClaim = payload.path("loanId").asText();
            }
            ObjectNode metaData = t.metaData() == null ? json.createObjectNode()
                    : (ObjectNode) json.readTree(t.metaData());
            metaData.remove(List.of(EventHashes.HASH, EventHashes.PREVIOUS));
            rename(metaData, from, code, n, ids);
            String eventId = remap(t.eventId(), n, ids);
            byte[] payloadBytes = json.writeValueAsBytes(payload);
            String hash = EventHashes.hash(previous, eventId, code, t.sequence(), t.payloadType(),
                    EventHashes.recordingTime(Instant.parse(t.timeStamp())), payloadBytes,
                    json.writeValueAsBytes(metaData));
            metaData.put(EventHashes.PREVIOUS, previous);
            metaData.put(EventHashes.HASH, hash);
            previous = hash;
            rows.add(new Row(eventId, json.writeValueAsBytes(metaData), payloadBytes, t, code, householdClaim,
                    loanClaim));
        }
        return rows;
    }

    /** A household of the copy gets a data key of its own and a name sealed with it, as a registration would. */
    private void reseal(ObjectNode payload, String householdId, String code) {
        String nik = payload.path("nik").isNull() || payload.path("nik").isMissingNode() ? null
                : "61" + String.format("%014d", Math.floorMod(householdId.hashCode(), 100_000_000_000_000L));
        PersonalDataVault.SealedIdentity sealed = vault.seal(householdId, code,
                "Keluarga Riwayat " + householdId.substring(0, 8), nik);
        payload.set("headName", json.valueToTree(sealed.headName()));
        payload.set("nik", sealed.nik() == null ? json.nullNode() : json.valueToTree(sealed.nik()));
        payload.put("nikHash", nik == null ? null : vault.nikHash(code, nik));
    }

    /** Every text of the tree with the template's code replaced and every UUID mapped to the copy's own. */
    private static void rename(JsonNode node, String from, String code, int n, Map<String, String> ids) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getValue().isTextual()) {
                    field.setValue(new TextNode(text(field.getValue().asText(), from, code, n, ids)));
                } else {
                    rename(field.getValue(), from, code, n, ids);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isTextual()) {
                    array.set(i, new TextNode(text(array.get(i).asText(), from, code, n, ids)));
                } else {
                    rename(array.get(i), from, code, n, ids);
                }
            }
        }
    }

    private static String text(String value, String from, String code, int n, Map<String, String> ids) {
        String renamed = value.replace(from, code);
        Matcher m = UUIDS.matcher(renamed);
        return m.find() ? m.replaceAll(r -> remap(r.group(), n, ids)) : renamed;
    }

    /** The copy's own id for a template's UUID: the same within a copy, distinct between copies. */
    private static String remap(String uuid, int n, Map<String, String> ids) {
        return ids.computeIfAbsent(uuid, u -> UUID.nameUUIDFromBytes(("siklus-history:" + n + ":" + u)
                .getBytes(StandardCharsets.UTF_8)).toString());
    }

    private void insert(Connection c, List<Row> rows) throws SQLException {
        try (PreparedStatement events = c.prepareStatement("INSERT INTO domain_event_entry (event_identifier, "
                + "meta_data, payload, payload_revision, payload_type, time_stamp, aggregate_identifier, "
                + "sequence_number, type) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement households = c.prepareStatement(
                     "INSERT INTO household_identity (household_id, kelurahan_code) VALUES (?, ?)");
             PreparedStatement loans = c.prepareStatement(
                     "INSERT INTO loan_directory (loan_id, kelurahan_code) VALUES (?, ?)")) {
            int batched = 0;
            for (Row row : rows) {
                events.setString(1, row.eventId());
                events.setBytes(2, row.metaData());
                events.setBytes(3, row.payload());
                events.setString(4, row.template().payloadRevision());
                events.setString(5, row.template().payloadType());
                events.setString(6, row.template().timeStamp());
                events.setString(7, row.aggregate());
                events.setLong(8, row.template().sequence());
                events.setString(9, row.template().type());
                events.addBatch();
                if (row.householdClaim() != null) {
                    households.setString(1, row.householdClaim());
                    households.setString(2, row.aggregate());
                    households.addBatch();
                }
                if (row.loanClaim() != null) {
                    loans.setString(1, row.loanClaim());
                    loans.setString(2, row.aggregate());
                    loans.addBatch();
                }
                if (++batched % 1000 == 0) {
                    events.executeBatch();
                }
            }
            events.executeBatch();
            households.executeBatch();
            loans.executeBatch();
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        }
    }
}
