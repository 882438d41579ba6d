package id.siklus.system;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 50 concurrent identical money commands (a BLM allocation and a loan repayment) under one Idempotency-Key: exactly
 * one event each, and every one of the 50 gets the same answer.
 */
class ConcurrentMoneyCommandIT {

    private static final int CLIENTS = 50;

    private HttpResponse<String> post(SiklusSystem system, String path, String token, String key, String body)
            throws Exception {
        return KeyedCommands.send(system, path, token, key, body);
    }

    private void expect(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    }

    @Test
    void fiftyConcurrentIdenticalMoneyCommandsWithOneKeyRecordExactlyOneEvent() throws Exception {
        SiklusSystem system = SiklusSystem.get();
        String code = "35.71.%02d.%04d".formatted(ThreadLocalRandom.current().nextInt(10, 99),
                ThreadLocalRandom.current().nextInt(1000, 9999));
        system.prepareKelurahan(code);
        String lkm = system.token("LKM", code);
        String admin = system.token("ADMIN");
        String base = "/api/v1/kelurahan/" + code;

        long before = system.storedEvents();
        Set<String> allocations = burst(() -> post(system, base + "/blm/2010/allocation", admin,
                "burst-pagu-" + code, "{\"pagu\":200000000,\"receivedOn\":\"2010-02-01\"}"));
        assertThat(system.storedEvents()).as("one allocation event").isEqualTo(before + 1);
        assertThat(allocations).as("every client got the same answer").hasSize(1);
        assertThat(eventsOfType(system, code, "BlmAllocated")).isEqualTo(1);

        List<String> members = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = UUID.randomUUID().toString();
            members.add("\"" + id + "\"");
            expect(post(system, base + "/households", lkm, UUID.randomUUID().toString(), """
                    {"householdId":"%s","rw":"01","rt":"00%d","headName":"Keluarga %d","members":4,
                     "povertyStatus":"MISKIN","registeredOn":"2009-04-25"}""".formatted(id, i + 1, i)), 201);
        }
        expect(post(system, base + "/cycle-stages", lkm, UUID.randomUUID().toString(), """
                {"stage":"PEMBENTUKAN_LKM","heldOn":"2009-06-06","participants":{"men":9,"women":9,"poor":5},
                 "lkmName":"LKM Uji"}"""), 200);
        expect(post(system, base + "/cycle-stages", lkm, UUID.randomUUID().toString(), """
                {"stage":"PJM_PRONANGKIS","heldOn":"2009-08-15","participants":{"men":9,"women":9,"poor":5},
                 "fromYear":2010,"toYear":2012}"""), 200);
        String ksmId = UUID.randomUUID().toString();
        expect(post(system, base + "/ksm", lkm, UUID.randomUUID().toString(), """
                {"ksmId":"%s","name":"KSM Serentak","purpose":"EKONOMI","memberHouseholdIds":[%s],
                 "formedOn":"2009-09-01"}""".formatted(ksmId, String.join(",", members))), 201);
        expect(post(system, base + "/blm/2010/disbursements", lkm, UUID.randomUUID().toString(), """
                {"category":"EKONOMI","amount":50000000,"activity":"Modal","disbursedOn":"2010-03-02"}"""), 201);
        String loanId = UUID.randomUUID().toString();
        expect(post(system, base + "/loans", lkm, UUID.randomUUID().toString(), """
                {"loanId":"%s","ksmId":"%s","principal":2500000,"termMonths":10,"monthlyFeeBasisPoints":150,
                 "disbursedOn":"2010-04-01"}""".formatted(loanId, ksmId)), 201);

        long beforeRepayment = system.storedEvents();
        Set<String> repayments = burst(() -> post(system, "/api/v1/loans/" + loanId + "/repayments", lkm,
                "burst-repay-" + loanId, "{\"amount\":287500,\"paidOn\":\"2010-05-01\"}"));
        assertThat(system.storedEvents()).as("one repayment event for 50 identical requests")
                .isEqualTo(beforeRepayment + 1);
        assertThat(repayments).hasSize(1);
        assertThat(eventsOfType(system, code, "RepaymentRecorded"))
                .isEqualTo(1);
    }

    interface Request {
        HttpResponse<String> send() throws Exception;
    }

    /** The same request from 50 clients at once; returns the distinct answers (status and body). */
    private Set<String> burst(Request request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < CLIENTS; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return request.send();
                }));
            }
            start.countDown();
            Set<String> distinct = new HashSet<>();
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get(60, TimeUnit.SECONDS);
                assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
                distinct.add(response.statusCode() + " " + response.body());
            }
            return distinct;
        } finally {
            pool.shutdownNow();
        }
    }

    private static long eventsOfType(SiklusSystem system, String code, String simpleName) throws Exception {
        try (Connection connection = DriverManager.getConnection(system.infrastructure.jdbcUrl(),
                system.infrastructure.jdbcUsername(), system.infrastructure.jdbcPassword());
             PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM domain_event_entry "
                     + "WHERE aggregate_identifier = ? AND payload_type LIKE ?")) {
            statement.setString(1, code);
            statement.setString(2, "%." + simpleName);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
