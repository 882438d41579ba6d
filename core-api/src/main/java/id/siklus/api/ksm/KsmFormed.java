package id.siklus.api.ksm;

import java.time.LocalDate;
import java.util.List;

/** A KSM was formed in the kelurahan with these member households. */
public record KsmFormed(String kelurahanCode, String ksmId, String name, KsmPurpose purpose,
                        List<String> memberHouseholdIds, LocalDate formedOn) {
}
