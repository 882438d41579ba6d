package id.siklus.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Views of the past: {@code asOf} (facts effective up to a day, as known now) and {@code knownAt} (only what had been
 * recorded by an instant), alone and together, on one kelurahan whose history is written here with known dates. A
 * repayment entered late changes the asOf view of the past but not the knownAt view of before its entry.
 */
class TimeTravelIT {

    private static SiklusSystem system;
    private static String code;
    private static String lkm;
    private static String auditor;
    /** Before the first BLM allocation was recorded. */
    private static Instant beforeBlm;
    /** After the first repayment was recorded and before the second (paid on time, entered late) was. */
    private static Instant beforeLateEntry;
    private static Instant beforeRegistration;
    private static final List<String> households = new ArrayList<>();
    private static String loanId;

    @BeforeAll
    static void history() throws Exception {
        system = SiklusSystem.get();
        code = "35.71.%02d.%04d".formatted(ThreadLocalRandom.current().nextInt(10, 99),
                ThreadLocalRandom.current().nextInt(1000, 9999));
        lkm = system.token("LKM", code);
        auditor = system.token("AUDITOR");
        beforeRegistration = pause();
        system.prepareKelurahan(code);
        String base = "/api/v1/kelurahan/" + code;
        for (int i = 0; i < 6; i++) {
            String id = UUID.randomUUID().toString();
            households.add(id);
            command(base + "/households", lkm, """
                    {"householdId":"%s","rw":"01","rt":"00%d","headName":"Keluarga Uji %d","members":4,
                     "povertyStatus":"%s","registeredOn":"2009-04-25"}"""
                    .formatted(id, 1 + i % 2, i, i < 5 ? "MISKIN" : "TIDAK_MISKIN"), 201);
        }
        command(base + "/cycle-stages", lkm, """
                {"stage":"PEMBENTUKAN_LKM","heldOn":"2009-06-06","participants":{"men":9,"women":9,"poor":5},
                 "lkmName":"LKM Waktu"}""", 200);
        command(base + "/cycle-stages", lkm, """
                {"stage":"PJM_PRONANGKIS","heldOn":"2009-08-15","participants":{"men":9,"women":9,"poor":5},
                 "fromYear":2010,"toYear":2012}""", 200);
        String ksmId = UUID.randomUUID().toString();
        command(base + "/ksm", lkm, """
                {"ksmId":"%s","name":"KSM Waktu","purpose":"EKONOMI","memberHouseholdIds":["%s","%s","%s","%s","%s"],
                 "formedOn":"2009-09-01"}""".formatted(ksmId, households.get(0), households.get(1),
                households.get(2), households.get(3), households.get(4)), 201);
        beforeBlm = pause();
        command(base + "/blm/2010/allocation", system.token("ADMIN"),
                "{\"pagu\":200000000,\"receivedOn\":\"2010-02-01\"}", 201);
        command(base + "/blm/2010/disbursements", lkm, """
                {"category":"EKONOMI","amount":50000000,"activity":"Modal bergulir","disbursedOn":"2010-03-02"}""",
                201);
        command(base + "/blm/2010/disbursements", lkm, """
                {"category":"EKONOMI","amount":20000000,"activity":"Modal tambahan","disbursedOn":"2010-06-01"}""",
                201);
        loanId = UUID.randomUUID().toString();
        command(base + "/loans", lkm, """
                {"loanId":"%s","ksmId":"%s","principal":2500000,"termMonths":10,"monthlyFeeBasisPoints":150,
                 "disbursedOn":"2010-04-01"}""".formatted(loanId, ksmId), 201);
        // instalments of Rp 250.000 principal + Rp 37.500 fee fall due on the 1st of May, June, July...
        command("/api/v1/loans/" + loanId + "/repayments", lkm, "{\"amount\":287500,\"paidOn\":\"2010-05-01\"}", 201);
        beforeLateEntry = pause();
        // June's instalment was paid on time but entered into the system only now
        command("/api/v1/loans/" + loanId + "/repayments", lkm, "{\"amount\":287500,\"paidOn\":\"2010-06-01\"}", 201);
        command(base + "/households/" + households.get(0) + "/reclassifications", lkm, """
                {"povertyStatus":"HAMPIR_MISKIN","reason":"Usaha berkembang","effectiveOn":"2010-07-01"}""", 200);
        // the journal feeds the views of the past: wait until the last event has reached it and the live views
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            assertThat(view("/revolving-fund", "").get("principalRepaid").asLong()).isEqualTo(500_000);
            assertThat(view("/poverty-map", "").get("poorHouseholds").asLong()).isEqualTo(4);
            assertThat(system.get(system.queryUrl("/api/v1/audit/events?kelurahan=" + code + "&size=1"), auditor)
                    .json().get("totalItems").asLong()).isEqualTo(19);
        });
    }

    /**
     * A view of the past is folded once and kept while the same journal entries pass its filter: today's events do
     * not change it, a late entry of that past does.
     */
    @Test
    void aKeptViewOfThePastIsFoldedAgainOnlyWhenALateEntryChangesThatPast() throws Exception {
        JsonNode august = view("/revolving-fund", "asOf=2010-08-15");
        assertThat(august.get("principalRepaid").asLong()).isEqualTo(500_000);
        double reused = foldsReused();
        assertThat(view("/revolving-fund", "asOf=2010-08-15")).isEqualTo(august);
        assertThat(foldsReused()).as("answered from the kept fold").isEqualTo(reused + 1);

        // a household found today (not poor: the other tests count the poor now): the kelurahan's journal grows,
        // that past does not change
        String today = UUID.randomUUID().toString();
        command("/api/v1/kelurahan/" + code + "/households", lkm, """
                {"householdId":"%s","rw":"02","rt":"001","headName":"Keluarga Baru","members":3,
                 "povertyStatus":"TIDAK_MISKIN"}""".formatted(today), 201);
        await().atMost(Duration.ofSeconds(20)).until(() -> system.get(system.queryUrl("/api/v1/audit/entities/"
                + today + "/events"), auditor).json().size() == 1);
        assertThat(view("/revolving-fund", "asOf=2010-08-15")).isEqualTo(august);
        assertThat(foldsReused()).isEqualTo(reused + 2);

        // July's instalment, paid on time, entered only now: that past changes; the kept fold is extended by it
        double extended = metric("siklus.time-travel.folds.extended");
        command("/api/v1/loans/" + loanId + "/repayments", lkm, "{\"amount\":287500,\"paidOn\":\"2010-07-01\"}",
                201);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(view("/revolving-fund", "asOf=2010-08-15").get("principalRepaid").asLong())
                        .isEqualTo(750_000));
        assertThat(metric("siklus.time-travel.folds.extended")).as("extended, not folded from the start")
                .isGreaterThan(extended);
        JsonNode extendedView = view("/revolving-fund", "asOf=2010-08-15");
        assertThat(extendedView.get("principalLent").asLong()).isEqualTo(august.get("principalLent").asLong());
        assertThat(extendedView.get("capitalReceived").asLong()).isEqualTo(august.get("capitalReceived").asLong());
        assertThat(view("/revolving-fund", "asOf=2010-06-15").get("principalRepaid").asLong()).isEqualTo(500_000);
    }

    /**
     * A kept view of the past trusts the kelurahan's journal head; the one thing the head cannot see is a journal
     * rebuilt by a replay, which may hold entries the old one lacked (a record parked when it came, readable now).
     * After the rebuilt journal is swapped in, kept views are folded again, in the background, and show them.
     */
    @Test
    void aKeptViewOfThePastIsFoldedAgainAfterAReplayRebuiltTheJournal() throws Exception {
        org.springframework.data.mongodb.core.MongoTemplate mongo = system.queryService
                .getBean(org.springframework.data.mongodb.core.MongoTemplate.class);
        // the journal as one that lacked June's repayment: a view of that past folded on it lacks it too
        var june = new org.springframework.data.mongodb.core.query.Query(
                org.springframework.data.mongodb.core.query.Criteria.where("kelurahanCode").is(code)
                        .and("payloadType").is("id.siklus.api.loan.RepaymentRecorded")
                        .and("effectiveDate").is("2010-06-01"));
        assertThat(mongo.remove(june, "audit_journal").getDeletedCount()).isEqualTo(1);
        assertThat(view("/revolving-fund", "asOf=2010-06-20").get("principalRepaid").asLong()).isEqualTo(250_000);
        double reused = foldsReused();
        assertThat(view("/revolving-fund", "asOf=2010-06-20").get("principalRepaid").asLong()).isEqualTo(250_000);
        assertThat(foldsReused()).as("the head has not moved: kept").isEqualTo(reused + 1);

        // rebuilt from the topic, the journal holds it again
        double remade = metric("siklus.time-travel.folds.remade");
        SiklusSystem.Response started = system.post(system.queryUrl("/api/v1/admin/projections/audit-journal/replay"),
                system.token("ADMIN"), "");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() ->
                "DONE".equals(system.get(system.queryUrl("/api/v1/admin/projections/audit-journal/replay"),
                        system.token("ADMIN")).json().get("state").asText()));
        assertThat(mongo.count(june, "audit_journal")).isEqualTo(1);
        // made again in the background after the swap, before anyone asks: the next request is answered from it
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> metric("siklus.time-travel.folds.remade") >= remade + 1);
        // every kept view of the shared system is made again, least recently used first (this one last): until the
        // count stands still
        double[] last = {-1};
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(1500)).until(() -> {
            double now = metric("siklus.time-travel.folds.remade");
            boolean still = now == last[0];
            last[0] = now;
            return still;
        });
        double reusedAfterSwap = foldsReused();
        assertThat(view("/revolving-fund", "asOf=2010-06-20").get("principalRepaid").asLong()).isEqualTo(500_000);
        assertThat(foldsReused()).as("answered from the fold made again").isEqualTo(reusedAfterSwap + 1);
    }

    private static double foldsReused() throws Exception {
        return metric("siklus.time-travel.folds.reused");
    }

    private static double metric(String name) throws Exception {
        SiklusSystem.Response response = system.get(system.queryUrl("/actuator/metrics/" + name),
                system.token("ADMIN"));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("measurements").get(0).get("value").asDouble();
    }

    private static Instant pause() throws InterruptedException {
        Thread.sleep(20);
        Instant now = Instant.now();
        Thread.sleep(20);
        return now;
    }

    private static void command(String path, String token, String body, int expected) throws Exception {
        SiklusSystem.Response response = KeyedCommands.post(system, path, token, body);
        assertThat(response.status()).as(path + " → " + response.body()).isEqualTo(expected);
    }

    private static JsonNode view(String path, String query) throws Exception {
        SiklusSystem.Response response = system.get(system.queryUrl("/api/v1/kelurahan/" + code + path
                + (query.isEmpty() ? "" : "?" + query)), auditor);
        assertThat(response.status()).as(path + "?" + query + " → " + response.body()).isEqualTo(200);
        return response.json();
    }

    @Test
    void aRepaymentEnteredLateChangesTheAsOfViewButNotWhatWasKnownBeforeItsEntry() throws Exception {
        JsonNode asOf = view("/revolving-fund", "asOf=2010-06-15");
        assertThat(asOf.get("asOf").asText()).isEqualTo("2010-06-15");
        assertThat(asOf.get("principalLent").asLong()).isEqualTo(2_500_000);
        assertThat(asOf.get("principalRepaid").asLong()).isEqualTo(500_000);
        assertThat(asOf.get("feesRepaid").asLong()).isEqualTo(75_000);
        assertThat(asOf.get("outstandingPrincipal").asLong()).isEqualTo(2_000_000);
        assertThat(asOf.get("capitalReceived").asLong()).isEqualTo(70_000_000);
        assertThat(asOf.get("repaymentRatePercent").decimalValue()).isEqualByComparingTo("100.00");

        JsonNode known = view("/revolving-fund", "asOf=2010-06-15&knownAt=" + beforeLateEntry);
        assertThat(known.get("knownAt").asText()).isEqualTo(beforeLateEntry.toString());
        assertThat(known.get("principalRepaid").asLong()).isEqualTo(250_000);
        assertThat(known.get("outstandingPrincipal").asLong()).isEqualTo(2_250_000);
        // Rp 287.500 collected of Rp 575.000 due by the 15th of June: June's instalment in arrears, 14 days late
        assertThat(known.get("repaymentRatePercent").decimalValue()).isEqualByComparingTo("50.00");
        assertThat(known.get("arrears").asLong()).isEqualTo(287_500);
        assertThat(known.get("ksm").get(0).get("arrears").asLong()).isEqualTo(287_500);
        assertThat(known.get("ksm").get(0).get("daysLate").asLong()).isEqualTo(14);
        assertThat(asOf.get("arrears").asLong()).isZero();
        assertThat(asOf.get("ksm").get(0).get("daysLate").asLong()).isZero();

        // by mid-July, as it was known before the late entry, June's instalment looked 44 days late: all at risk
        JsonNode julyKnown = view("/revolving-fund", "asOf=2010-07-15&knownAt=" + beforeLateEntry);
        assertThat(julyKnown.get("par30Percent").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(julyKnown.get("ksm").get(0).get("daysLate").asLong()).isEqualTo(44);
        // as known now, only July's instalment is late, by 14 days: nothing at risk beyond 30 days
        JsonNode july = view("/revolving-fund", "asOf=2010-07-15");
        assertThat(july.get("par30Percent").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(july.get("ksm").get(0).get("currentLoanId").isNull()).isFalse();
    }

    @Test
    void theFundBeforeItsFirstLoanAndBeforeItsCapital() throws Exception {
        JsonNode march = view("/revolving-fund", "asOf=2010-03-15");
        assertThat(march.get("principalLent").asLong()).isZero();
        assertThat(march.get("capitalReceived").asLong()).isEqualTo(50_000_000);
        assertThat(march.get("available").asLong()).isEqualTo(50_000_000);
        JsonNode february = view("/revolving-fund", "asOf=2010-02-15");
        assertThat(february.get("capitalReceived").asLong()).isZero();
        assertThat(february.get("repaymentRatePercent").isNull()).isTrue();
    }

    @Test
    void blmAsOfADayAndAsKnownBeforeItWasRecorded() throws Exception {
        JsonNode april = view("/blm", "asOf=2010-04-01");
        assertThat(april.get("years")).hasSize(1);
        JsonNode year = april.get("years").get(0);
        assertThat(year.get("pagu").asLong()).isEqualTo(200_000_000);
        assertThat(year.get("ekonomi").asLong()).isEqualTo(50_000_000);
        assertThat(year.get("remaining").asLong()).isEqualTo(150_000_000);
        JsonNode now = view("/blm", "");
        assertThat(now.get("totals").get("ekonomi").asLong()).isEqualTo(70_000_000);
        assertThat(now.get("asOf").isNull()).isTrue();
        JsonNode unknown = view("/blm", "knownAt=" + beforeBlm);
        assertThat(unknown.get("years")).isEmpty();
        assertThat(unknown.get("totals").get("pagu").asLong()).isZero();
        // a day before the pagu arrived, as known now
        assertThat(view("/blm", "asOf=2010-01-31").get("years")).isEmpty();
    }

    @Test
    void povertyMapCountsAReclassificationFromItsEffectiveDay() throws Exception {
        assertThat(view("/poverty-map", "asOf=2010-06-30").get("poorHouseholds").asLong()).isEqualTo(5);
        JsonNode july = view("/poverty-map", "asOf=2010-07-01");
        assertThat(july.get("households").asLong()).isEqualTo(6);
        assertThat(july.get("poorHouseholds").asLong()).isEqualTo(4);
        assertThat(july.get("rw").get(0).get("rt")).hasSize(2);
        assertThat(view("/poverty-map", "asOf=2009-04-24").get("households").asLong()).isZero();
        assertThat(view("/poverty-map", "knownAt=" + beforeLateEntry).get("poorHouseholds").asLong()).isEqualTo(5);
    }

    @Test
    void cycleAsOfADay() throws Exception {
        JsonNode may = view("/cycle", "asOf=2009-05-01");
        assertThat(may.get("stages")).hasSize(2);
        assertThat(may.get("nextExpectedStage").asText()).isEqualTo("PEMBENTUKAN_LKM");
        JsonNode july = view("/cycle", "asOf=2009-07-01");
        assertThat(july.get("stages")).hasSize(3);
        assertThat(july.get("lkmName").asText()).isEqualTo("LKM Waktu");
        assertThat(july.get("nextExpectedStage").asText()).isEqualTo("PJM_PRONANGKIS");
        JsonNode december = view("/cycle", "asOf=2010-12-31");
        assertThat(december.get("plans")).hasSize(1);
        // a plan and no review in 2010: that year's review is what was missing
        assertThat(december.get("reviewMissingThisYear").asBoolean()).isTrue();
        assertThat(december.get("nextExpectedStage").asText()).isEqualTo("REVIEW_PARTISIPATIF");
    }

    @Test
    void citySummaryAsOfADayAndAsKnownBeforeTheKelurahanExisted() throws Exception {
        JsonNode june = summaryRow("asOf=2010-06-30");
        assertThat(june.get("households").asLong()).isEqualTo(6);
        assertThat(june.get("poorHouseholds").asLong()).isEqualTo(5);
        assertThat(june.get("blmPagu").asLong()).isEqualTo(200_000_000);
        assertThat(june.get("blmUsed").asLong()).isEqualTo(70_000_000);
        assertThat(june.get("lkmName").asText()).isEqualTo("LKM Waktu");
        // a plan since 2009 and no review partisipatif in 2010: the city's monitor sees it missing
        assertThat(june.get("reviewMissingThisYear").asBoolean()).isTrue();
        // in 2009 the plan (for 2010–2012) was made in August; no review was due that year before it existed
        assertThat(summaryRow("asOf=2009-07-31").get("reviewMissingThisYear").asBoolean()).isFalse();
        // the present summary is given again for a few seconds (siklus.views.kota-summary-max-age, 5 s), and says
        // when it was computed
        Instant first = Instant.parse(summary("").get("computedAt").asText());
        Instant again = Instant.parse(summary("").get("computedAt").asText());
        assertThat(again.equals(first) || !again.isBefore(first.plusSeconds(5)))
                .as("reused (%s) or recomputed after its age (%s)", first, again).isTrue();
        // the present summary may be given again for a few seconds (siklus.views.kota-summary-max-age)
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode now = summaryRow("");
            assertThat(now).isNotNull();
            assertThat(now.get("poorHouseholds").asLong()).isEqualTo(4);
        });
        assertThat(summaryRow("knownAt=" + beforeBlm).get("blmPagu").asLong()).isZero();
        assertThat(summaryRow("knownAt=" + beforeRegistration)).isNull();
        // a summary of the past is reused the same way, for the same asOf and knownAt only
        Instant past = Instant.parse(summary("asOf=2010-06-30").get("computedAt").asText());
        Instant pastAgain = Instant.parse(summary("asOf=2010-06-30").get("computedAt").asText());
        assertThat(pastAgain.equals(past) || !pastAgain.isBefore(past.plusSeconds(5)))
                .as("reused (%s) or recomputed after its age (%s)", past, pastAgain).isTrue();
        assertThat(summary("asOf=2010-06-30&knownAt=" + beforeBlm).get("asOf").asText()).isEqualTo("2010-06-30");
        assertThat(summaryRow("asOf=2010-06-30&knownAt=" + beforeBlm).get("blmPagu").asLong()).isZero();
    }

    /**
     * The city's summary of the past is folded for all its kelurahan at once; a late entry of that past reaches it
     * within its age (5 s) and the time to compute it again (it may be given once more while that runs), and its row
     * agrees with the kelurahan's own view of the same day.
     */
    @Test
    void aCitySummaryOfThePastShowsALateEntryOfThatPast() throws Exception {
        assertThat(summaryRow("asOf=2010-12-31").get("openComplaints").asLong()).isZero();
        command("/api/v1/kelurahan/" + code + "/complaints", lkm, """
                {"complaintId":"%s","channel":"KOTAK_PENGADUAN","category":"PEMBANGUNAN",
                 "text":"Saluran di RT 002 belum tersambung","receivedOn":"2010-10-05"}"""
                .formatted(UUID.randomUUID()), 201);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(summaryRow("asOf=2010-12-31").get("openComplaints").asLong()).isEqualTo(1));
        JsonNode row = summaryRow("asOf=2010-12-31");
        assertThat(row.get("households").asLong()).isEqualTo(view("/poverty-map", "asOf=2010-12-31")
                .get("households").asLong());
        assertThat(row.get("blmUsed").asLong()).isEqualTo(70_000_000);
        // the day before it was received, that past has no complaint
        assertThat(summaryRow("asOf=2010-10-04").get("openComplaints").asLong()).isZero();
    }

    /**
     * A summary past its age (siklus.views.kota-summary-max-age, 5 s) by less than siklus.views.kota-summary-stale-for
     * (30 s) is given at once, as it was, while one computation in the background brings it up to date for the next
     * request: the city's monitors do not all wait for that computation.
     */
    @Test
    void aSummaryPastItsAgeIsGivenAtOnceWhileItIsComputedAgainInTheBackground() throws Exception {
        Instant first = Instant.parse(summary("asOf=2009-11-30").get("computedAt").asText());
        Thread.sleep(6_000);
        assertThat(Instant.parse(summary("asOf=2009-11-30").get("computedAt").asText()))
                .as("given at once, as computed 6 s ago").isEqualTo(first);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(Instant.parse(summary("asOf=2009-11-30").get("computedAt").asText()))
                        .as("brought up to date in the background").isAfter(first.plusSeconds(5)));
    }

    /**
     * A summary of the past folds the city's kelurahan a few at a time (siklus.views.kota-summary-past-parallelism):
     * as of today it lists the same kelurahan as the summary of the present, in the same order, with the same figures,
     * and its totals add up its rows. The city holds this class's kelurahan, five more with 0 to 4 households (more
     * than are folded at a time), and those of the tests that ran before.
     */
    @Test
    void aCitySummaryOfTodayFoldedAFewKelurahanAtATimeMatchesThePresentRowByRow() throws Exception {
        for (int k = 0; k < 5; k++) {
            String other = "35.71.%02d.%04d".formatted(ThreadLocalRandom.current().nextInt(10, 99),
                    ThreadLocalRandom.current().nextInt(1000, 9999));
            system.prepareKelurahan(other);
            for (int i = 0; i < k; i++) {
                command("/api/v1/kelurahan/" + other + "/households", system.token("LKM", other), """
                        {"householdId":"%s","rw":"02","rt":"001","headName":"Keluarga Kota %d","members":3,
                         "povertyStatus":"%s","registeredOn":"2011-02-01"}"""
                        .formatted(UUID.randomUUID(), i, i % 2 == 0 ? "MISKIN" : "HAMPIR_MISKIN"), 201);
            }
        }
        String today = "asOf=" + java.time.LocalDate.now(java.time.ZoneId.of("Asia/Jakarta"));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode present = summary("").get("kelurahan");
            JsonNode past = summary(today);
            assertThat(present.size()).isGreaterThan(5);
            List<String> presentRows = new ArrayList<>();
            present.forEach(row -> presentRows.add(row.get("kelurahanCode").asText() + " "
                    + row.get("households").asLong() + "/" + row.get("poorHouseholds").asLong() + " "
                    + row.get("blmUsed").asLong()));
            List<String> pastRows = new ArrayList<>();
            long households = 0;
            for (JsonNode row : past.get("kelurahan")) {
                pastRows.add(row.get("kelurahanCode").asText() + " " + row.get("households").asLong() + "/"
                        + row.get("poorHouseholds").asLong() + " " + row.get("blmUsed").asLong());
                households += row.get("households").asLong();
            }
            assertThat(pastRows).containsExactlyElementsOf(presentRows);
            assertThat(past.get("totals").get("kelurahan").asInt()).isEqualTo(pastRows.size());
            assertThat(past.get("totals").get("households").asLong()).isEqualTo(households);
        });
    }

    private static JsonNode summary(String query) throws Exception {
        SiklusSystem.Response response = system.get(system.queryUrl("/api/v1/kota/Kediri/summary"
                + (query.isEmpty() ? "" : "?" + query)), auditor);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static JsonNode summaryRow(String query) throws Exception {
        for (JsonNode row : summary(query).get("kelurahan")) {
            if (row.get("kelurahanCode").asText().equals(code)) {
                return row;
            }
        }
        return null;
    }

    @Test
    void viewsOfThePastAreAlsoCsv() throws Exception {
        String csv = system.getWithAccept(system.queryUrl("/api/v1/kelurahan/" + code + "/blm?asOf=2010-04-01"),
                auditor, "text/csv");
        assertThat(csv).contains("200000000").contains("50000000").doesNotContain("70000000");
    }

    @Test
    void aDayInTheFutureOrAMalformedInstantIsRefusedWithAProblem() throws Exception {
        SiklusSystem.Response future = system.get(system.queryUrl("/api/v1/kelurahan/" + code
                + "/revolving-fund?asOf=2999-01-01"), auditor);
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.json().get("code").asText()).isEqualTo("AS_OF_IN_FUTURE");
        SiklusSystem.Response malformed = system.get(system.queryUrl("/api/v1/kelurahan/" + code
                + "/blm?knownAt=yesterday"), auditor);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("code").asText()).isEqualTo("INVALID_PARAMETER");
        assertThat(malformed.json().get("detail").asText()).contains("ISO-8601");
    }

    @Test
    void aMonitorOfAnotherCityCannotLookIntoThePast() throws Exception {
        SiklusSystem.Response response = system.get(system.queryUrl("/api/v1/kelurahan/" + code
                + "/revolving-fund?asOf=2010-06-15"), system.tokens.mint(
                id.siklus.localstack.TokenMinter.TokenRequest.of("MONITOR").withKota("Surabaya")));
        assertThat(response.status()).isEqualTo(403);
    }
}
