package id.siklus.api.household;

import java.time.LocalDate;

/**
 * A family of the kelurahan was registered, with its place (RW/RT), its size and its poverty status. Part of the
 * kelurahan's stream: the kelurahan is where the rules spanning its households are kept consistent.
 */
public record HouseholdRegistered(String householdId, String kelurahanCode, String rw, String rt, String headName,
                                  int members, PovertyStatus povertyStatus, String nik, LocalDate registeredOn) {
}
