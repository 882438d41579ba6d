package id.siklus.api.complaint;

import java.time.LocalDate;

public record ComplaintResolved(String kelurahanCode, String complaintId, String resolution, LocalDate resolvedOn) {
}
