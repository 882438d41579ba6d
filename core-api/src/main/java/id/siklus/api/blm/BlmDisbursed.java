package id.siklus.api.blm;

import id.siklus.api.money.Rupiah;

import java.time.LocalDate;

/**
 * A use of the year's BLM was booked. An EKONOMI disbursement becomes capital of the kelurahan's revolving fund.
 * {@code remainingPagu} is what is left of the year's pagu after it.
 */
public record BlmDisbursed(String kelurahanCode, String disbursementId, int year, BlmCategory category, Rupiah amount,
                           String activity, LocalDate disbursedOn, String ksmId, Rupiah remainingPagu) {
}
