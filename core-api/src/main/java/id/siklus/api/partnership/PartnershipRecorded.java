package id.siklus.api.partnership;

import id.siklus.api.money.Rupiah;

import java.time.LocalDate;

public record PartnershipRecorded(String kelurahanCode, String partnershipId, String agency, PartnershipKind kind,
                                  String ksmId, Rupiah value, LocalDate startedOn) {
}
