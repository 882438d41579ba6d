package id.siklus.api.ksm;

import java.time.LocalDate;

public record KsmMemberAdded(String kelurahanCode, String ksmId, String householdId, LocalDate joinedOn) {
}
