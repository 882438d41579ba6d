package id.siklus.api.blm;

import id.siklus.api.money.Rupiah;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** The year's BLM ceiling (pagu) was received by the kelurahan on {@code receivedOn}. */
public record AllocateBlm(@TargetAggregateIdentifier String kelurahanCode, int year, Rupiah pagu,
                          LocalDate receivedOn) {
}
