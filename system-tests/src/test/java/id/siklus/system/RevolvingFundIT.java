package id.siklus.system;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The revolving fund under concurrent money commands, on real infrastructure. */
class RevolvingFundIT {


    private HttpResponse<String> post(SiklusSystem system, String path, String token, String body) throws Exception {
        return KeyedCommands.send(system, path, token, UUID.randomUUID().toString(), body);
    }

    private void expect(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    }

    @Test
    void concurrentRepaymentsThatTogetherOverpayAreAcceptedOnlyUpToWhatIsOwed() throws Exception {
        SiklusSystem system = SiklusSystem.get();
        String code = "35.75.%02d.%04d".formatted(ThreadLocalRandom.current().nextInt(10, 99),
                ThreadLocalRandom.current().nextInt(1000, 9999));
        system.prepareKelurahan(code);
        String lkm = system.token("LKM", code);
        String base = "/api/v1/kelurahan/" + code;
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = UUID.randomUUID().toString();
            members.add("\"" + id + "\"");
            expect(post(system, base + "/households", lkm, """
                    {"householdId":"%s","rw":"01","rt":"00%d","headName":"Keluarga %d","members":4,
                     "povertyStatus":"MISKIN","registeredOn":"2009-04-25"}""".formatted(id, i + 1, i)), 201);
        }
        expect(post(system, base + "/cycle-stages", lkm, """
                {"stage":"PEMBENTUKAN_LKM","heldOn":"2009-06-06","participants":{"men":9,"women":9,"poor":5},
                 "lkmName":"LKM Uji"}"""), 200);
        expect(post(system, base + "/cycle-stages", lkm, """
                {"stage":"PJM_PRONANGKIS","heldOn":"2009-08-15","participants":{"men":9,"women":9,"poor":5},
                 "fromYear":2010,"toYear":2012}"""), 200);
        String ksmId = UUID.randomUUID().toString();
        expect(post(system, base + "/ksm", lkm, """
                {"ksmId":"%s","name":"KSM Uji","purpose":"EKONOMI","memberHouseholdIds":[%s],"formedOn":"2009-09-01"}"""
                .formatted(ksmId, String.join(",", members))), 201);
        expect(post(system, base + "/blm/2010/allocation", system.token("ADMIN"),
                "{\"pagu\":200000000,\"receivedOn\":\"2010-02-01\"}"), 201);
        expect(post(system, base + "/blm/2010/disbursements", lkm, """
                {"category":"EKONOMI","amount":50000000,"activity":"Modal","disbursedOn":"2010-03-02"}"""), 201);
        String loanId = UUID.randomUUID().toString();
        expect(post(system, base + "/loans", lkm, """
                {"loanId":"%s","ksmId":"%s","principal":2500000,"termMonths":10,"monthlyFeeBasisPoints":150,
                 "disbursedOn":"2010-04-01"}""".formatted(loanId, ksmId)), 201);

        // the KSM view shows the open loan; its first instalment (1 May 2010) is long overdue by now
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).untilAsserted(() -> {
            var open = system.json.readTree(system.get(system.queryUrl(base + "/ksm"), system.token("MONITOR"))
                    .body()).at("/0/currentLoan");
            assertThat(open.get("loanId").asText()).isEqualTo(loanId);
            assertThat(open.get("disbursedOn").asText()).isEqualTo("2010-04-01");
            assertThat(open.get("principal").asLong()).isEqualTo(2_500_000L);
            assertThat(open.get("outstandingPrincipal").asLong()).isEqualTo(2_500_000L);
            assertThat(open.get("daysLate").asLong()).isEqualTo(java.time.temporal.ChronoUnit.DAYS.between(
                    java.time.LocalDate.of(2010, 5, 1), java.time.LocalDate.now(java.time.ZoneId.of("Asia/Jakarta"))));
        });

        // on the first due date Rp 37.500 of fees and Rp 2.500.000 of principal can be paid: Rp 2.537.500 at most,
        // so of ten concurrent payments of Rp 400.000 six fit and four must be refused
        int payers = 10;
        ExecutorService pool = Executors.newFixedThreadPool(payers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < payers; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return post(system, "/api/v1/loans/" + loanId + "/repayments", lkm,
                            "{\"amount\":400000,\"paidOn\":\"2010-05-01\"}");
                }));
            }
            start.countDown();
            int accepted = 0;
            int refused = 0;
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get(60, TimeUnit.SECONDS);
                if (response.statusCode() == 201) {
                    accepted++;
                } else {
                    assertThat(response.statusCode()).as(response.body()).isIn(409, 422);
                    refused++;
                }
            }
            assertThat(accepted).isEqualTo(6);
            assertThat(refused).isEqualTo(4);
        } finally {
            pool.shutdownNow();
        }
        HttpResponse<String> rest = post(system, "/api/v1/loans/" + loanId + "/repayments", lkm,
                "{\"amount\":137500,\"paidOn\":\"2010-05-01\"}");
        expect(rest, 201);
        HttpResponse<String> closed = post(system, "/api/v1/loans/" + loanId + "/repayments", lkm,
                "{\"amount\":1,\"paidOn\":\"2010-05-02\"}");
        assertThat(closed.statusCode()).isEqualTo(409);
        assertThat(system.json.readTree(closed.body()).get("code").asText()).isEqualTo("LOAN_CLOSED");

        // what monitors see: the fund and its KSM, folded from the same events
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).untilAsserted(() -> {
            var fund = system.json.readTree(system.get(system.queryUrl(base + "/revolving-fund"),
                    system.token("MONITOR")).body());
            assertThat(fund.get("capitalReceived").asLong()).isEqualTo(50_000_000L);
            assertThat(fund.get("principalLent").asLong()).isEqualTo(2_500_000L);
            assertThat(fund.get("principalRepaid").asLong()).isEqualTo(2_500_000L);
            assertThat(fund.get("feesRepaid").asLong()).isEqualTo(37_500L);
            assertThat(fund.get("outstandingPrincipal").asLong()).isZero();
            assertThat(fund.get("available").asLong()).isEqualTo(50_000_000L);
            assertThat(fund.at("/ksm/0/mayBorrowMoreNextRound").asBoolean()).isTrue();
            assertThat(fund.at("/ksm/0/loansRepaidOnTime").asLong()).isEqualTo(1);
        });
        var ksm = system.json.readTree(system.get(system.queryUrl(base + "/ksm"), system.token("MONITOR")).body());
        assertThat(ksm.at("/0/members").asInt()).isEqualTo(5);
        assertThat(ksm.at("/0/poorMembers").asInt()).isEqualTo(5);
        assertThat(ksm.at("/0/poorSharePercent").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(ksm.at("/0/currentLoan").isNull()).as("repaid: no current loan").isTrue();
        String csv = system.getWithAccept(system.queryUrl(base + "/revolving-fund"), system.token("MONITOR"),
                "text/csv");
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith("ksmId,name,status,currentLoanId,principalLent");
        assertThat(csv.lines()).hasSize(2);
        assertThat(csv).contains(",2500000,");
    }
}
