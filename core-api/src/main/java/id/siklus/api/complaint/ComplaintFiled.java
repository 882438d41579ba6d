package id.siklus.api.complaint;

import java.time.LocalDate;

public record ComplaintFiled(String kelurahanCode, String complaintId, String channel, String category, String text,
                             String concernsId, LocalDate receivedOn) {
}
