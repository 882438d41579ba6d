package id.siklus.api.blm;

import id.siklus.api.money.Rupiah;

import java.time.LocalDate;

/** The kelurahan received its BLM for {@code year}, up to {@code pagu}. */
public record BlmAllocated(String kelurahanCode, int year, Rupiah pagu, LocalDate receivedOn) {
}
