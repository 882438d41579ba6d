package id.siklus.api.ksm;

import java.time.LocalDate;

public record KsmMemberRemoved(String kelurahanCode, String ksmId, String householdId, String reason,
                               LocalDate leftOn) {
}
