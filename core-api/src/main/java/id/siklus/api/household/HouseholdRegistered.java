package id.siklus.api.household;

/** A family of the kelurahan was registered, with its place (RW/RT), its size and its poverty status. */
public record HouseholdRegistered(String householdId, String kelurahanCode, String rw, String rt, String headName,
                                  int members, PovertyStatus povertyStatus) {
}
