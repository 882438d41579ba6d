package id.siklus.benchmark;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * A synthetic city, generated from a seed: N kelurahan of varying size, households of which ~8% are MISKIN and ~12%
 * HAMPIR_MISKIN, EKONOMI KSM of five (three poor members, as the 50% rule wants), a yearly BLM whose EKONOMI part
 * capitalises the revolving fund, and ten-month loans of Rp 2.500.000 repaid monthly on the first of the month.
 * Everything is sent through the command-service's HTTP API with real tokens, in the order the domain requires.
 * The same seed gives the same city (codes, ids, sizes, memberships); the interleaving under load depends on timing.
 */
final class City {

    static final String KOTA = "Kota Sintetis";
    static final long PRINCIPAL = 2_500_000;
    static final long INSTALMENT = 287_500; // Rp 250.000 principal + 1.5% flat fee on Rp 2.500.000
    static final LocalDate FIRST_LOAN = LocalDate.of(2010, 4, 1);

    final List<Kelurahan> kelurahan = new ArrayList<>();
    final List<Ksm> ksms = new ArrayList<>();
    private final long seed;
    private final AtomicLong created = new AtomicLong();
    private final LocalDate lastUsableMonth = LocalDate.now(ZoneId.of("Asia/Jakarta")).minusMonths(1).withDayOfMonth(1);

    private City(long seed) {
        this.seed = seed;
    }

    static City generate(long seed, int kelurahanCount, int households) {
        return generate(seed, kelurahanCount, households, i -> "35.79.%02d.%04d".formatted(1 + i / 10, 1001 + i),
                i -> "Kelurahan Sintetis " + (i + 1));
    }

    /** One large kelurahan of the same city, under a code of its own (the views' benchmark at 10,000 events). */
    static City large(long seed, int households) {
        return generate(seed, 1, households, i -> "35.79.99.9001", i -> "Kelurahan Sintetis Besar");
    }

    private static City generate(long seed, int kelurahanCount, int households, IntFunction<String> codes,
                                 IntFunction<String> names) {
        City city = new City(seed);
        Random random = new Random(seed);
        double[] weights = new double[kelurahanCount];
        double total = 0;
        for (int i = 0; i < kelurahanCount; i++) {
            weights[i] = 0.5 + random.nextDouble();
            total += weights[i];
        }
        for (int i = 0; i < kelurahanCount; i++) {
            Kelurahan k = new Kelurahan(codes.apply(i), names.apply(i), "Kecamatan Sintetis " + (1 + i / 10));
            int size = Math.max(20, (int) Math.round(households * weights[i] / total));
            List<Household> poor = new ArrayList<>();
            List<Household> others = new ArrayList<>();
            for (int h = 0; h < size; h++) {
                double p = random.nextDouble();
                String status = p < 0.08 ? "MISKIN" : p < 0.20 ? "HAMPIR_MISKIN" : "TIDAK_MISKIN";
                Household household = new Household(new UUID(random.nextLong(), random.nextLong()),
                        "%02d".formatted(1 + random.nextInt(12)), "%03d".formatted(1 + random.nextInt(20)),
                        1 + random.nextInt(8), status);
                k.households.add(household);
                (status.equals("MISKIN") ? poor : others).add(household);
            }
            Collections.shuffle(others, random);
            for (int s = 0; (s + 1) * 3 <= poor.size() && (s + 1) * 2 <= others.size(); s++) {
                List<UUID> members = List.of(poor.get(3 * s).id, poor.get(3 * s + 1).id, poor.get(3 * s + 2).id,
                        others.get(2 * s).id, others.get(2 * s + 1).id);
                Ksm ksm = new Ksm(k, new UUID(random.nextLong(), random.nextLong()), members);
                k.ksms.add(ksm);
                city.ksms.add(ksm);
            }
            city.kelurahan.add(k);
        }
        return city;
    }

    int households() {
        return kelurahan.stream().mapToInt(k -> k.households.size()).sum();
    }

    /** Registers every kelurahan with its cycle, households, KSM, three years of BLM and a first loan per KSM. */
    void setUp(Api api, int parallel) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Kelurahan k : kelurahan) {
                done.add(pool.submit(() -> {
                    setUp(api, k);
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void setUp(Api api, Kelurahan k) {
        String lkm = api.lkm(k.code);
        api.postOk("/api/v1/kelurahan", api.admin(), """
                {"code":"%s","name":"%s","kecamatan":"%s","kota":"%s"}""".formatted(k.code, k.name, k.kecamatan, KOTA),
                null);
        String stages = "/api/v1/kelurahan/" + k.code + "/cycle-stages";
        api.postOk(stages, lkm, """
                {"stage":"REFLEKSI_KEMISKINAN","heldOn":"2009-03-14","participants":{"men":40,"women":35,"poor":30}}""", null);
        api.postOk(stages, lkm, """
                {"stage":"PEMETAAN_SWADAYA","heldOn":"2009-04-20","participants":{"men":22,"women":25,"poor":18}}""", null);
        for (Household h : k.households) {
            api.postOk("/api/v1/kelurahan/" + k.code + "/households", lkm, h.json(), null);
        }
        api.postOk(stages, lkm, """
                {"stage":"PEMBENTUKAN_LKM","heldOn":"2009-06-06","participants":{"men":30,"women":28,"poor":20},"lkmName":"LKM %s"}"""
                .formatted(k.name), null);
        api.postOk(stages, lkm, """
                {"stage":"PJM_PRONANGKIS","heldOn":"2009-08-15","participants":{"men":30,"women":28,"poor":20},"fromYear":2010,"toYear":2012}""",
                null);
        for (Ksm ksm : k.ksms) {
            StringBuilder members = new StringBuilder();
            for (UUID m : ksm.members) {
                members.append(members.isEmpty() ? "" : ",").append('"').append(m).append('"');
            }
            api.postOk("/api/v1/kelurahan/" + k.code + "/ksm", lkm, """
                    {"ksmId":"%s","name":"KSM Sintetis %s","purpose":"EKONOMI","memberHouseholdIds":[%s],"formedOn":"2009-09-01"}"""
                    .formatted(ksm.id, ksm.id.toString().substring(0, 8), members), null);
        }
        for (int year = 2010; year <= 2012; year++) {
            // the first year's EKONOMI part lends every KSM its first loan at once
            long ekonomi = year == 2010 ? Math.max(50_000_000, k.ksms.size() * PRINCIPAL) : 50_000_000;
            long sosial = 20_000_000;
            long bop = 10_000_000;
            String blm = "/api/v1/kelurahan/" + k.code + "/blm/" + year;
            api.postOk(blm + "/allocation", api.admin(), """
                    {"pagu":%d,"receivedOn":"%d-02-01"}""".formatted(ekonomi + sosial + bop, year),
                    "pagu-" + year + "-" + k.code);
            api.postOk(blm + "/disbursements", lkm, """
                    {"category":"EKONOMI","amount":%d,"activity":"Modal ekonomi bergulir","disbursedOn":"%d-03-02"}"""
                    .formatted(ekonomi, year), "ekonomi-" + year + "-" + k.code);
            api.postOk(blm + "/disbursements", lkm, """
                    {"category":"SOSIAL","amount":%d,"activity":"Beasiswa anak keluarga miskin","disbursedOn":"%d-03-03"}"""
                    .formatted(sosial, year), "sosial-" + year + "-" + k.code);
            api.postOk(blm + "/disbursements", lkm, """
                    {"category":"BOP","amount":%d,"activity":"Biaya operasional LKM","disbursedOn":"%d-03-04"}"""
                    .formatted(bop, year), "bop-" + year + "-" + k.code);
        }
        for (Ksm ksm : k.ksms) {
            Op loan = ksm.next(api, this);
            HttpResponse<String> response = loan.request().get().join();
            loan.completed(response.statusCode());
            if (response.statusCode() != 201) {
                throw new IllegalStateException("First loan of " + ksm.id + " answered " + response.statusCode() + ": "
                        + response.body());
            }
        }
    }

    /**
     * The next command of a city at the start of a month: mostly instalments of the KSM's loans (and a new loan when
     * one is repaid), some newly found households and some complaints. Each KSM has at most one command in flight,
     * so its instalments arrive in order; a KSM whose loans would run past last month rests.
     */
    Op next(Api api, Random random) {
        double p = random.nextDouble();
        if (p < 0.75 && !ksms.isEmpty()) {
            int start = random.nextInt(ksms.size());
            for (int i = 0; i < Math.min(64, ksms.size()); i++) {
                Ksm ksm = ksms.get((start + i) % ksms.size());
                if (!ksm.exhausted && ksm.busy.compareAndSet(false, true)) {
                    return ksm.next(api, this);
                }
            }
        }
        Kelurahan k = kelurahan.get(random.nextInt(kelurahan.size()));
        UUID id = new UUID(seed, created.incrementAndGet());
        if (p < 0.90) {
            Household h = new Household(id, "%02d".formatted(1 + random.nextInt(12)),
                    "%03d".formatted(1 + random.nextInt(20)), 1 + random.nextInt(8),
                    random.nextDouble() < 0.08 ? "MISKIN" : "TIDAK_MISKIN");
            return new Op("household", () -> api.post("/api/v1/kelurahan/" + k.code + "/households", api.lkm(k.code),
                    h.json(), null), status -> { });
        }
        return new Op("complaint", () -> api.post("/api/v1/kelurahan/" + k.code + "/complaints", api.lkm(k.code), """
                {"complaintId":"%s","channel":"KOTAK_PENGADUAN","category":"PEMBANGUNAN","text":"Saluran di RT %03d belum tersambung","receivedOn":"2011-01-10"}"""
                .formatted(id, 1 + random.nextInt(20)), null), status -> { });
    }

    /** One command to send and what to learn from its answer (the HTTP status). */
    record Op(String kind, Supplier<CompletableFuture<HttpResponse<String>>> request, IntConsumer onStatus)
            implements OpenLoop.Request {

        @Override
        public CompletableFuture<HttpResponse<String>> send() {
            return request.get();
        }

        @Override
        public void completed(int status) {
            onStatus.accept(status);
        }
    }

    static final class Kelurahan {
        final String code;
        final String name;
        final String kecamatan;
        final List<Household> households = new ArrayList<>();
        final List<Ksm> ksms = new ArrayList<>();

        Kelurahan(String code, String name, String kecamatan) {
            this.code = code;
            this.name = name;
            this.kecamatan = kecamatan;
        }
    }

    record Household(UUID id, String rw, String rt, int members, String status) {
        String json() {
            return """
                    {"householdId":"%s","rw":"%s","rt":"%s","headName":"Keluarga Sintetis %s","members":%d,"povertyStatus":"%s","registeredOn":"2009-04-25"}"""
                    .formatted(id, rw, rt, id.toString().substring(0, 8), members, status);
        }
    }

    /** A KSM's loan cycle: a loan, ten instalments on the first of each month, the next loan a month later. */
    static final class Ksm {
        final Kelurahan kelurahan;
        final UUID id;
        final List<UUID> members;
        final AtomicBoolean busy = new AtomicBoolean();
        // written by the thread that completes this KSM's command, read after busy is seen false
        volatile int loans;
        volatile int paid; // instalments paid on the open loan; -1 when no loan is open
        volatile LocalDate disbursedOn;
        volatile boolean exhausted;

        Ksm(Kelurahan kelurahan, UUID id, List<UUID> members) {
            this.kelurahan = kelurahan;
            this.id = id;
            this.members = members;
            this.paid = -1;
        }

        private UUID loanId(int loan) {
            return new UUID(id.getMostSignificantBits(), id.getLeastSignificantBits() ^ (loan * 1_000_003L));
        }

        Op next(Api api, City city) {
            if (paid < 0) {
                LocalDate on = loans == 0 ? FIRST_LOAN : disbursedOn.plusMonths(11);
                int loan = loans;
                UUID loanId = loanId(loan);
                return new Op("loan", () -> api.post("/api/v1/kelurahan/" + kelurahan.code + "/loans",
                        api.lkm(kelurahan.code), """
                        {"loanId":"%s","ksmId":"%s","principal":%d,"termMonths":10,"monthlyFeeBasisPoints":150,"disbursedOn":"%s"}"""
                        .formatted(loanId, id, PRINCIPAL, on), "loan-" + loanId), status -> {
                    if (status == 201) {
                        disbursedOn = on;
                        loans = loan + 1;
                        paid = 0;
                    }
                    busy.set(false);
                });
            }
            int instalment = paid + 1;
            UUID loanId = loanId(loans - 1);
            UUID repaymentId = new UUID(loanId.getMostSignificantBits(), loanId.getLeastSignificantBits() + instalment);
            LocalDate paidOn = disbursedOn.plusMonths(instalment);
            return new Op("repayment", () -> api.post("/api/v1/loans/" + loanId + "/repayments",
                    api.lkm(kelurahan.code), """
                    {"repaymentId":"%s","amount":%d,"paidOn":"%s"}""".formatted(repaymentId, INSTALMENT, paidOn),
                    "repay-" + repaymentId), status -> {
                if (status == 201) {
                    if (instalment == 10) {
                        paid = -1;
                        exhausted = disbursedOn.plusMonths(21).isAfter(city.lastUsableMonth);
                    } else {
                        paid = instalment;
                    }
                }
                busy.set(false);
            });
        }
    }
}
