package id.siklus.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * A clearly-marked synthetic kelurahan for the local run: names say SAMPEL / SINTETIS, the area code 99.99.99.9999
 * belongs to no real ward. Loaded through the public API, once, so it goes the same way as real data.
 */
final class SampleData {

    static final String SAMPLE_CODE = "99.99.99.9999";

    private final TokenMinter tokens;
    private final String commandServiceUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    SampleData(TokenMinter tokens, String commandServiceUrl) {
        this.tokens = tokens;
        this.commandServiceUrl = commandServiceUrl.replaceAll("/+$", "");
    }

    void loadOnce(Path marker) throws IOException, InterruptedException {
        if (Files.exists(marker)) {
            System.out.println("Sample kelurahan " + SAMPLE_CODE + " was loaded before; not loading it again.");
            return;
        }
        String admin = tokens.mint(TokenMinter.TokenRequest.of("ADMIN"));
        int registered = post("/api/v1/kelurahan", admin, """
                {"code":"%s","name":"Kelurahan SAMPEL SINTETIS","kecamatan":"Kecamatan Sampel","kota":"Kota Sampel"}"""
                .formatted(SAMPLE_CODE));
        if (registered != 201 && registered != 409) {
            throw new IOException("Registering the sample kelurahan answered HTTP " + registered);
        }
        String lkm = tokens.mint(TokenMinter.TokenRequest.of("LKM", SAMPLE_CODE));
        String[][] stages = {
                {"REFLEKSI_KEMISKINAN", "2009-03-14", ""},
                {"PEMETAAN_SWADAYA", "2009-04-20", ""},
                {"PEMBENTUKAN_LKM", "2009-06-06", ",\"lkmName\":\"LKM SAMPEL Maju Bersama\""},
                {"PJM_PRONANGKIS", "2009-08-15", ",\"fromYear\":2010,\"toYear\":2012"}};
        for (String[] stage : stages) {
            int status = post("/api/v1/kelurahan/" + SAMPLE_CODE + "/cycle-stages", lkm, """
                    {"stage":"%s","heldOn":"%s","participants":{"men":40,"women":35,"poor":30}%s}"""
                    .formatted(stage[0], stage[1], stage[2]));
            if (status != 200 && status != 409) {
                throw new IOException("Recording the sample stage " + stage[0] + " answered HTTP " + status);
            }
        }
        List<String[]> households = List.of(
                new String[]{"01", "001", "Keluarga Sampel A", "4", "MISKIN"},
                new String[]{"01", "001", "Keluarga Sampel B", "3", "TIDAK_MISKIN"},
                new String[]{"01", "002", "Keluarga Sampel C", "5", "HAMPIR_MISKIN"},
                new String[]{"02", "001", "Keluarga Sampel D", "6", "MISKIN"},
                new String[]{"02", "003", "Keluarga Sampel E", "2", "TIDAK_MISKIN"});
        int index = 0;
        for (String[] h : households) {
            // fixed ids make a re-run after a crash register nothing twice
            String id = UUID.nameUUIDFromBytes((SAMPLE_CODE + "/" + index++).getBytes()).toString();
            int status = post("/api/v1/kelurahan/" + SAMPLE_CODE + "/households", lkm, """
                    {"householdId":"%s","rw":"%s","rt":"%s","headName":"%s","members":%s,"povertyStatus":"%s","registeredOn":"2009-05-02"}"""
                    .formatted(id, h[0], h[1], h[2], h[3], h[4]));
            if (status != 201 && status != 409) {
                throw new IOException("Registering a sample household answered HTTP " + status);
            }
        }
        Files.writeString(marker, "loaded\n");
        System.out.println("Loaded the synthetic sample kelurahan " + SAMPLE_CODE + " with " + households.size()
                + " households.");
    }

    private int post(String path, String token, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(commandServiceUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
