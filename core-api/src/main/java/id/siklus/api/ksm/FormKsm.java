package id.siklus.api.ksm;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/** After a musyawarah, residents form a self-help group (or an existing group is taken on) with these members. */
public record FormKsm(@TargetAggregateIdentifier String kelurahanCode, String ksmId, String name, KsmPurpose purpose,
                      List<String> memberHouseholdIds, LocalDate formedOn) {
}
