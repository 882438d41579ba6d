package id.siklus.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import id.siklus.api.household.ForgetHouseholdPersonalData;
import id.siklus.api.household.HouseholdPersonalDataForgotten;
import id.siklus.api.household.HouseholdRegistered;
import id.siklus.api.household.PovertyStatus;
import id.siklus.api.household.RegisterHousehold;
import id.siklus.api.household.Sealed;
import id.siklus.api.kelurahan.KelurahanRegistered;
import id.siklus.api.kelurahan.RegisterKelurahan;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events travel through the event store and Kafka as JSON (Axon's Jackson serializer): each message must come back
 * from its JSON equal to what was written.
 */
class MessageJsonRoundTripTest {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());

    static Stream<Object> messages() {
        return Stream.of(
                new RegisterKelurahan("35.71.03.1001", "Bandar Lor", "Mojoroto", "Kediri"),
                new KelurahanRegistered("35.71.03.1001", "Bandar Lor", "Mojoroto", "Kediri"),
                new RegisterHousehold("35.71.03.1001", "2f1c0b7e-8a43-4a5e-9f43-7b1d2c3e4f50", "03", "010",
                        "Siti Aminah", 4, PovertyStatus.MISKIN, "3571034506780001", java.time.LocalDate.of(2009, 5, 2)),
                new HouseholdRegistered("2f1c0b7e-8a43-4a5e-9f43-7b1d2c3e4f50", "35.71.03.1001", "03", "010",
                        new Sealed("2f1c0b7e-8a43-4a5e-9f43-7b1d2c3e4f50", "q83vEjRWeJCrze8SNFZ4kKvN7xI0Vm=="), 4,
                        PovertyStatus.HAMPIR_MISKIN, null, null, java.time.LocalDate.of(2009, 5, 2)),
                new HouseholdRegistered("2f1c0b7e-8a43-4a5e-9f43-7b1d2c3e4f50", "35.71.03.1001", "03", "010",
                        new Sealed("2f1c0b7e-8a43-4a5e-9f43-7b1d2c3e4f50", "q83vEjRWeJCrze8SNFZ4kKvN7xI0Vm=="), 4,
                        PovertyStatus.MISKIN, new Sealed("2f1c0b7e-8a43-4a5e-9f43-7b1d2c3e4f50", "AAECAwQFBgcICQoL"),
                        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                        java.time.LocalDate.of(2009, 5, 2)),
                new ForgetHouseholdPersonalData("35.71.03.1001", "2f1c0b7e-8a43-4a5e-9f43-7b1d2c3e4f50",
                        "UU PDP 27/2022 Pasal 8", java.time.LocalDate.of(2026, 11, 28)),
                new HouseholdPersonalDataForgotten("2f1c0b7e-8a43-4a5e-9f43-7b1d2c3e4f50", "35.71.03.1001",
                        "UU PDP 27/2022 Pasal 8", java.time.LocalDate.of(2026, 11, 28)),
                new id.siklus.api.household.HouseholdReclassified("2f1c0b7e-8a43-4a5e-9f43-7b1d2c3e4f50",
                        "35.71.03.1001", PovertyStatus.MISKIN, PovertyStatus.HAMPIR_MISKIN, "review 2010",
                        java.time.LocalDate.of(2010, 3, 1)),
                new id.siklus.api.cycle.CycleStageRecorded("35.71.03.1001",
                        id.siklus.api.cycle.CycleStage.PJM_PRONANGKIS, java.time.LocalDate.of(2009, 8, 1),
                        new id.siklus.api.cycle.Participants(40, 35, 30), "rembug warga", null, 2010, 2012));
    }

    @ParameterizedTest
    @MethodSource("messages")
    void eachMessageReadsBackEqualFromItsJson(Object message) throws Exception {
        String written = json.writeValueAsString(message);

        Object read = json.readValue(written, message.getClass());

        assertThat(read).isEqualTo(message);
    }

    @ParameterizedTest
    @MethodSource("messages")
    void eachMessageIsWrittenAsAnObjectOfItsComponents(Object message) throws Exception {
        var tree = json.valueToTree(message);

        assertThat(tree.isObject()).isTrue();
        assertThat(tree.size()).isEqualTo(message.getClass().getRecordComponents().length);
    }
}
