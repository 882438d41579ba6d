package id.siklus.api.household;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * An ADMIN erases a household's personal data (UU PDP 27/2022): its data key is destroyed, so the sealed name and NIK
 * in its events can no longer be read anywhere. The household stays registered: counts, poverty status, KSM
 * membership and loans are not personal data and keep their history.
 *
 * @param legalBasis why the data is erased (the data subject's request, a court order…); no personal data in it
 */
public record ForgetHouseholdPersonalData(@TargetAggregateIdentifier String kelurahanCode, String householdId,
                                          String legalBasis, LocalDate forgottenOn) {

    @Override
    public String toString() {
        return "ForgetHouseholdPersonalData[kelurahanCode=" + kelurahanCode + ", householdId=" + householdId + "]";
    }
}
