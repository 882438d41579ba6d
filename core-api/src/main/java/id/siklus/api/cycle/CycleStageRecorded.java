package id.siklus.api.cycle;

import java.time.LocalDate;

/** A stage of the cycle took place on {@code heldOn} (the effective date), with these participants. */
public record CycleStageRecorded(String kelurahanCode, CycleStage stage, LocalDate heldOn, Participants participants,
                                 String notes, String lkmName, Integer fromYear, Integer toYear) {
}
