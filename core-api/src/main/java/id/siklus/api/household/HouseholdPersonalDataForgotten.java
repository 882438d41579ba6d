package id.siklus.api.household;

import java.time.LocalDate;

/** A household's data key was destroyed: its sealed name and NIK are erased for good, its other facts stay. */
public record HouseholdPersonalDataForgotten(String householdId, String kelurahanCode, String legalBasis,
                                             LocalDate forgottenOn) {
}
