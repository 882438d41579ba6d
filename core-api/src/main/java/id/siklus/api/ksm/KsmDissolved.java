package id.siklus.api.ksm;

import java.time.LocalDate;

public record KsmDissolved(String kelurahanCode, String ksmId, String reason, LocalDate dissolvedOn) {
}
