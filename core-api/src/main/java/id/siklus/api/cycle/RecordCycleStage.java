package id.siklus.api.cycle;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * The LKM records that a stage of the cycle took place. {@code lkmName} belongs to PEMBENTUKAN_LKM only;
 * {@code fromYear}/{@code toYear} to PJM_PRONANGKIS only.
 */
public record RecordCycleStage(@TargetAggregateIdentifier String kelurahanCode, CycleStage stage, LocalDate heldOn,
                               Participants participants, String notes, String lkmName, Integer fromYear,
                               Integer toYear) {
}
