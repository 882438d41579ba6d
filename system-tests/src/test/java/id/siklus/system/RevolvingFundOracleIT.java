package id.siklus.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The revolving-fund view against an oracle: the kelurahan's events, read straight from the event store, folded here
 * as docs/query-service.md describes the view (written independently of the query-service's code), must give every
 * figure of the view, today and as of several days of the past.
 */
class RevolvingFundOracleIT {

    private static final List<String> DAYS = List.of("2010-03-05", "2010-04-15", "2010-05-01", "2010-07-20",
            "2010-08-01", "2010-09-20", "2010-12-31", "2011-01-10", "2011-02-15", "2011-03-15", "2011-04-20",
            "2011-06-30");

    private SiklusSystem system;
    private String code;
    private String lkm;

    private void command(String path, String token, String body, int expected) throws Exception {
        SiklusSystem.Response response = KeyedCommands.post(system, path, token, body);
        assertThat(response.status()).as(path + " " + body + " → " + response.body()).isEqualTo(expected);
    }

    private void repay(String loanId, long amount, String paidOn) throws Exception {
        command("/api/v1/loans/" + loanId + "/repayments", lkm,
                "{\"amount\":%d,\"paidOn\":\"%s\"}".formatted(amount, paidOn), 201);
    }

    private String lend(String ksmId, long principal, String disbursedOn) throws Exception {
        String loanId = UUID.randomUUID().toString();
        command("/api/v1/kelurahan/" + code + "/loans", lkm, """
                {"loanId":"%s","ksmId":"%s","principal":%d,"termMonths":10,"monthlyFeeBasisPoints":150,
                 "disbursedOn":"%s"}""".formatted(loanId, ksmId, principal, disbursedOn), 201);
        return loanId;
    }

    private String formKsm(String name, List<String> members, String formedOn) throws Exception {
        String ksmId = UUID.randomUUID().toString();
        command("/api/v1/kelurahan/" + code + "/ksm", lkm, """
                {"ksmId":"%s","name":"%s","purpose":"EKONOMI","memberHouseholdIds":["%s"],"formedOn":"%s"}"""
                .formatted(ksmId, name, String.join("\",\"", members), formedOn), 201);
        return ksmId;
    }

    @Test
    void everyFigureOfTheFundTodayAndInThePastEqualsAFoldOfItsEvents() throws Exception {
        system = SiklusSystem.get();
        code = "35.71.%02d.%04d".formatted(ThreadLocalRandom.current().nextInt(10, 99),
                ThreadLocalRandom.current().nextInt(1000, 9999));
        system.prepareKelurahan(code);
        lkm = system.token("LKM", code);
        String base = "/api/v1/kelurahan/" + code;
        List<String> households = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            String id = UUID.randomUUID().toString();
            households.add(id);
            command(base + "/households", lkm, """
                    {"householdId":"%s","rw":"0%d","rt":"%03d","headName":"Keluarga Oracle %d","members":4,
                     "povertyStatus":"%s","registeredOn":"2009-04-25"}"""
                    .formatted(id, 1 + i % 3, 1 + i % 4, i, i % 5 == 4 ? "HAMPIR_MISKIN" : "MISKIN"), 201);
        }
        command(base + "/cycle-stages", lkm, """
                {"stage":"PEMBENTUKAN_LKM","heldOn":"2009-06-06","participants":{"men":20,"women":22,"poor":15},
                 "lkmName":"LKM Oracle"}""", 200);
        command(base + "/cycle-stages", lkm, """
                {"stage":"PJM_PRONANGKIS","heldOn":"2009-08-15","participants":{"men":20,"women":22,"poor":15},
                 "fromYear":2010,"toYear":2012}""", 200);
        String ksmA = formKsm("KSM Tertib", households.subList(0, 5), "2009-09-01");
        String ksmB = formKsm("KSM Tersendat", households.subList(5, 10), "2009-10-01");
        command(base + "/blm/2010/allocation", system.token("ADMIN"),
                "{\"pagu\":200000000,\"receivedOn\":\"2010-02-01\"}", 201);
        command(base + "/blm/2010/disbursements", lkm, """
                {"category":"EKONOMI","amount":30000000,"activity":"Modal bergulir","disbursedOn":"2010-03-02"}""",
                201);
        command(base + "/blm/2010/disbursements", lkm, """
                {"category":"LINGKUNGAN","amount":5000000,"activity":"Saluran","disbursedOn":"2010-03-03"}""", 201);
        command(base + "/blm/2010/disbursements", lkm, """
                {"category":"EKONOMI","amount":10000000,"activity":"Modal tambahan","disbursedOn":"2010-09-01"}""",
                201);
        String ksmC = formKsm("KSM Macet", households.subList(10, 15), "2010-05-10");

        // A1: Rp 2.500.000, instalments of Rp 250.000 + Rp 37.500 on the 10th from April 2010 to January 2011; five
        // paid, the fifth 20 days late (still on time), then the rest of the principal with the sixth fee on the
        // sixth due date: repaid early, and the fees of instalments after that are never charged
        String loanA1 = lend(ksmA, 2_500_000, "2010-03-10");
        LocalDate due = LocalDate.parse("2010-04-10");
        for (int i = 1; i <= 5; i++, due = due.plusMonths(1)) {
            repay(loanA1, 287_500, (i == 5 ? due.plusDays(20) : due).toString());
        }
        repay(loanA1, 1_287_500, due.toString());
        // B1: on time once, then a partial late payment, a late catch-up, months of nothing and a partial catch-up
        String loanB1 = lend(ksmB, 2_500_000, "2010-04-01");
        repay(loanB1, 287_500, "2010-05-01");
        repay(loanB1, 200_000, "2010-06-20");
        repay(loanB1, 375_000, "2010-07-25");
        repay(loanB1, 1_000_000, "2011-03-10");
        // C1: one instalment paid, then nothing: written off 198 days after the first unpaid instalment, before its
        // last two instalments fall due (they never do)
        String loanC1 = lend(ksmC, 2_500_000, "2010-06-01");
        repay(loanC1, 287_500, "2010-07-01");
        command("/api/v1/loans/" + loanC1 + "/write-off", system.token("ADMIN"),
                "{\"reason\":\"Macet lebih dari 180 hari\",\"writtenOffOn\":\"2011-02-15\"}", 200);
        // A2: the next round, one step higher (5 × Rp 1.000.000); two instalments' principal paid at once (ahead)
        String loanA2 = lend(ksmA, 5_000_000, "2011-02-01");
        repay(loanA2, 1_075_000, "2011-03-01");
        repay(loanA2, 75_000, "2011-04-01");
        repay(loanA2, 575_000, "2011-05-01");
        repay(loanA2, 300_000, "2011-06-20");

        List<StoredEvent> events = storedEvents();
        assertThat(events.stream().map(StoredEvent::type)).contains("LoanRepaid", "LoanWrittenOff");

        // the read models lag: wait until the live view and the journal (views of the past) hold the last repayment
        JsonNode live = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(
                () -> view(""), v -> v.get("principalRepaid").asLong()
                        == fold(events, LocalDate.parse(v.get("asOf").asText())).principalRepaid);
        String today = live.get("asOf").asText();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(
                () -> view("asOf=" + today), v -> v.get("principalRepaid").asLong()
                        == fold(events, LocalDate.parse(today)).principalRepaid);

        // the scenario reaches what it is meant to: paying ahead, PAR30 and PAR90, a repaid and a written-off loan
        assertThat(fold(events, LocalDate.parse("2010-07-20")).par30).isNotNull().isPositive();
        Fund december = fold(events, LocalDate.parse("2010-12-31"));
        assertThat(december.par90).isNotNull().isPositive();
        assertThat(december.rows.get(ksmB).daysLate).isGreaterThan(90);
        Fund march = fold(events, LocalDate.parse("2011-03-15"));
        Loan a2 = march.loans.get(loanA2);
        assertThat(a2.principalPaid + a2.feesPaid).isGreaterThan(a2.due(LocalDate.parse("2011-03-15")));
        assertThat(march.rows.get(ksmA).loansRepaidOnTime).isEqualTo(1);
        assertThat(fold(events, LocalDate.parse("2011-06-30")).loans.get(loanC1).status).isEqualTo("WRITTEN_OFF");
        assertThat(fold(events, LocalDate.parse("2011-06-30")).loans.get(loanB1).status).isEqualTo("OPEN");

        SoftAssertions softly = new SoftAssertions();
        compare(softly, live, fold(events, LocalDate.parse(today)), "today " + today);
        for (String day : DAYS) {
            JsonNode past = view("asOf=" + day);
            softly.assertThat(past.get("asOf").asText()).as("asOf of " + day).isEqualTo(day);
            compare(softly, past, fold(events, LocalDate.parse(day)), "asOf=" + day);
        }
        softly.assertAll();
    }

    private JsonNode view(String query) throws Exception {
        SiklusSystem.Response response = system.get(system.queryUrl("/api/v1/kelurahan/" + code + "/revolving-fund"
                + (query.isEmpty() ? "" : "?" + query)), system.token("AUDITOR"));
        assertThat(response.status()).as(query + " → " + response.body()).isEqualTo(200);
        return response.json();
    }

    // --- the oracle ------------------------------------------------------------------------------------------------

    private record StoredEvent(String type, JsonNode payload) {
    }

    /** Every event of the kelurahan's stream, in order, as the event store holds it. */
    private List<StoredEvent> storedEvents() throws Exception {
        List<StoredEvent> events = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(system.infrastructure.jdbcUrl(),
                system.infrastructure.jdbcUsername(), system.infrastructure.jdbcPassword());
             PreparedStatement statement = connection.prepareStatement("SELECT payload_type, convert_from(payload, "
                     + "'UTF8') FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number")) {
            statement.setString(1, code);
            ResultSet rows = statement.executeQuery();
            while (rows.next()) {
                String type = rows.getString(1);
                events.add(new StoredEvent(type.substring(type.lastIndexOf('.') + 1),
                        system.json.readTree(rows.getString(2))));
            }
        }
        return events;
    }

    private static LocalDate date(JsonNode node) {
        if (node.isArray()) {
            return LocalDate.of(node.get(0).asInt(), node.get(1).asInt(), node.get(2).asInt());
        }
        return LocalDate.parse(node.asText());
    }

    private record Instalment(LocalDate dueOn, long principal, long fee) {
    }

    private static final class Loan {
        String loanId;
        String ksmId;
        long principal;
        LocalDate disbursedOn;
        List<Instalment> schedule = new ArrayList<>();
        long principalPaid;
        long feesPaid;
        String status = "OPEN";
        boolean repaidOnTime;
        LocalDate closedOn;

        boolean open() {
            return status.equals("OPEN");
        }

        long outstanding() {
            return open() ? principal - principalPaid : 0;
        }

        /**
         * Principal and fee of every instalment due on or before the day; for a loan repaid, what was paid (fees of
         * instalments after the repayment are never charged); for a loan written off, only instalments due by the
         * write-off.
         */
        long due(LocalDate day) {
            if (status.equals("REPAID")) {
                return principalPaid + feesPaid;
            }
            LocalDate last = status.equals("WRITTEN_OFF") && closedOn.isBefore(day) ? closedOn : day;
            return schedule.stream().filter(i -> !i.dueOn.isAfter(last)).mapToLong(i -> i.principal + i.fee).sum();
        }

        long collectedOfDue(LocalDate day) {
            return Math.min(principalPaid + feesPaid, due(day));
        }

        /** Principal-based: the first instalment due before the day whose running principal is not repaid. */
        long daysLate(LocalDate day) {
            if (!open()) {
                return 0;
            }
            long running = 0;
            for (Instalment instalment : schedule) {
                running += instalment.principal;
                if (instalment.dueOn.isBefore(day) && running > principalPaid) {
                    return ChronoUnit.DAYS.between(instalment.dueOn, day);
                }
            }
            return 0;
        }
    }

    /** Figures over a set of loans, as the view defines them. */
    private static class Figures {
        long principalLent;
        long outstandingPrincipal;
        long principalRepaid;
        long feesRepaid;
        long arrears;
        BigDecimal repaymentRate;
        BigDecimal par30;
        BigDecimal par90;

        void over(List<Loan> loans, LocalDate day) {
            long due = 0;
            long collected = 0;
            long at30 = 0;
            long at90 = 0;
            for (Loan loan : loans) {
                principalLent += loan.principal;
                outstandingPrincipal += loan.outstanding();
                principalRepaid += loan.principalPaid;
                feesRepaid += loan.feesPaid;
                due += loan.due(day);
                collected += loan.collectedOfDue(day);
                long late = loan.daysLate(day);
                at30 += late > 30 ? loan.outstanding() : 0;
                at90 += late > 90 ? loan.outstanding() : 0;
            }
            arrears = due - collected;
            repaymentRate = percent(collected, due);
            par30 = percent(at30, outstandingPrincipal);
            par90 = percent(at90, outstandingPrincipal);
        }
    }

    private static final class Row extends Figures {
        String ksmId;
        String name;
        String status = "ACTIVE";
        LocalDate formedOn;
        int order;
        String currentLoanId;
        long daysLate;
        long loansRepaidOnTime;
        boolean mayBorrowMoreNextRound;
    }

    private static final class Fund extends Figures {
        long capitalReceived;
        long available;
        final Map<String, Loan> loans = new LinkedHashMap<>();
        final Map<String, Row> rows = new LinkedHashMap<>();
    }

    private static BigDecimal percent(long part, long whole) {
        return whole == 0 ? null
                : BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }

    /** The fund on {@code day}: only events effective on or before it, lateness judged on it. */
    private static Fund fold(List<StoredEvent> events, LocalDate day) {
        Fund fund = new Fund();
        for (StoredEvent event : events) {
            JsonNode p = event.payload();
            switch (event.type()) {
                case "BlmDisbursed" -> {
                    if (!date(p.get("disbursedOn")).isAfter(day) && p.get("category").asText().equals("EKONOMI")) {
                        fund.capitalReceived += p.get("amount").asLong();
                    }
                }
                case "KsmFormed" -> {
                    if (!date(p.get("formedOn")).isAfter(day) && p.get("purpose").asText().equals("EKONOMI")) {
                        Row row = new Row();
                        row.ksmId = p.get("ksmId").asText();
                        row.name = p.get("name").asText();
                        row.formedOn = date(p.get("formedOn"));
                        row.order = fund.rows.size();
                        fund.rows.put(row.ksmId, row);
                    }
                }
                case "KsmDissolved" -> {
                    Row row = fund.rows.get(p.get("ksmId").asText());
                    if (row != null && !date(p.get("dissolvedOn")).isAfter(day)) {
                        row.status = "DISSOLVED";
                    }
                }
                case "LoanDisbursed" -> {
                    if (!date(p.get("disbursedOn")).isAfter(day)) {
                        Loan loan = new Loan();
                        loan.loanId = p.get("loanId").asText();
                        loan.ksmId = p.get("ksmId").asText();
                        loan.principal = p.get("principal").asLong();
                        loan.disbursedOn = date(p.get("disbursedOn"));
                        for (JsonNode i : p.get("schedule")) {
                            loan.schedule.add(new Instalment(date(i.get("dueOn")), i.get("principal").asLong(),
                                    i.get("fee").asLong()));
                        }
                        fund.loans.put(loan.loanId, loan);
                    }
                }
                case "RepaymentRecorded" -> {
                    if (!date(p.get("paidOn")).isAfter(day)) {
                        Loan loan = fund.loans.get(p.get("loanId").asText());
                        loan.principalPaid += p.get("overduePrincipalPaid").asLong()
                                + p.get("currentPrincipalPaid").asLong();
                        loan.feesPaid += p.get("feesPaid").asLong();
                    }
                }
                case "LoanRepaid" -> {
                    if (!date(p.get("repaidOn")).isAfter(day)) {
                        Loan loan = fund.loans.get(p.get("loanId").asText());
                        loan.status = "REPAID";
                        loan.closedOn = date(p.get("repaidOn"));
                        loan.repaidOnTime = p.get("repaidOnTime").asBoolean();
                    }
                }
                case "LoanWrittenOff" -> {
                    if (!date(p.get("writtenOffOn")).isAfter(day)) {
                        fund.loans.get(p.get("loanId").asText()).status = "WRITTEN_OFF";
                        fund.loans.get(p.get("loanId").asText()).closedOn = date(p.get("writtenOffOn"));
                    }
                }
                default -> {
                }
            }
        }
        List<Loan> all = new ArrayList<>(fund.loans.values());
        fund.over(all, day);
        fund.available = fund.capitalReceived + fund.principalRepaid - fund.principalLent;
        for (Row row : fund.rows.values()) {
            List<Loan> own = all.stream().filter(l -> l.ksmId.equals(row.ksmId)).toList();
            row.over(own, day);
            row.currentLoanId = own.stream().filter(Loan::open).map(l -> l.loanId).findFirst().orElse(null);
            row.daysLate = own.stream().filter(Loan::open).mapToLong(l -> l.daysLate(day)).max().orElse(0);
            row.loansRepaidOnTime = own.stream().filter(l -> l.status.equals("REPAID") && l.repaidOnTime).count();
            Loan latest = own.stream().max(Comparator.comparing((Loan l) -> l.disbursedOn)
                    .thenComparing(l -> l.loanId)).orElse(null);
            row.mayBorrowMoreNextRound = row.status.equals("ACTIVE") && latest != null && row.currentLoanId == null
                    && latest.status.equals("REPAID") && latest.repaidOnTime;
        }
        return fund;
    }

    // --- the comparison --------------------------------------------------------------------------------------------

    private void compare(SoftAssertions softly, JsonNode view, Fund expected, String when) {
        softly.assertThat(view.get("kelurahanCode").asText()).as(when + " kelurahanCode").isEqualTo(code);
        softly.assertThat(view.get("capitalReceived").asLong()).as(when + " capitalReceived")
                .isEqualTo(expected.capitalReceived);
        softly.assertThat(view.get("available").asLong()).as(when + " available").isEqualTo(expected.available);
        figures(softly, view, expected, when);
        List<Row> rows = expected.rows.values().stream()
                .sorted(Comparator.comparing((Row r) -> r.formedOn).thenComparing(r -> r.order)).toList();
        softly.assertThat(view.get("ksm")).as(when + " ksm rows").hasSize(rows.size());
        for (int i = 0; i < Math.min(rows.size(), view.get("ksm").size()); i++) {
            JsonNode actual = view.get("ksm").get(i);
            Row row = rows.get(i);
            String at = when + " ksm[" + i + "] " + row.name;
            softly.assertThat(actual.get("ksmId").asText()).as(at + " ksmId").isEqualTo(row.ksmId);
            softly.assertThat(actual.get("name").asText()).as(at + " name").isEqualTo(row.name);
            softly.assertThat(actual.get("status").asText()).as(at + " status").isEqualTo(row.status);
            softly.assertThat(actual.get("currentLoanId").isNull() ? null : actual.get("currentLoanId").asText())
                    .as(at + " currentLoanId").isEqualTo(row.currentLoanId);
            figures(softly, actual, row, at);
            softly.assertThat(actual.get("daysLate").asLong()).as(at + " daysLate").isEqualTo(row.daysLate);
            softly.assertThat(actual.get("loansRepaidOnTime").asLong()).as(at + " loansRepaidOnTime")
                    .isEqualTo(row.loansRepaidOnTime);
            softly.assertThat(actual.get("mayBorrowMoreNextRound").asBoolean()).as(at + " mayBorrowMoreNextRound")
                    .isEqualTo(row.mayBorrowMoreNextRound);
        }
    }

    private static void figures(SoftAssertions softly, JsonNode view, Figures expected, String when) {
        softly.assertThat(view.get("principalLent").asLong()).as(when + " principalLent")
                .isEqualTo(expected.principalLent);
        softly.assertThat(view.get("outstandingPrincipal").asLong()).as(when + " outstandingPrincipal")
                .isEqualTo(expected.outstandingPrincipal);
        softly.assertThat(view.get("principalRepaid").asLong()).as(when + " principalRepaid")
                .isEqualTo(expected.principalRepaid);
        softly.assertThat(view.get("feesRepaid").asLong()).as(when + " feesRepaid").isEqualTo(expected.feesRepaid);
        softly.assertThat(view.get("arrears").asLong()).as(when + " arrears").isEqualTo(expected.arrears);
        percent(softly, view, "repaymentRatePercent", expected.repaymentRate, when);
        percent(softly, view, "par30Percent", expected.par30, when);
        percent(softly, view, "par90Percent", expected.par90, when);
    }

    private static void percent(SoftAssertions softly, JsonNode view, String field, BigDecimal expected,
                                String when) {
        JsonNode actual = view.get(field);
        softly.assertThat(actual).as(when + " " + field + " present").isNotNull();
        if (actual == null) {
            return;
        }
        if (expected == null) {
            softly.assertThat(actual.isNull()).as(when + " " + field + " = " + actual + ", expected null").isTrue();
        } else {
            softly.assertThat(actual.isNull() ? null : actual.decimalValue()).as(when + " " + field)
                    .isNotNull().isEqualByComparingTo(expected);
        }
    }
}
