package id.siklus.api.household;

import java.time.LocalDate;

/**
 * A family of the kelurahan was registered, with its place (RW/RT), its size and its poverty status. Part of the
 * kelurahan's stream: the kelurahan is where the rules spanning its households are kept consistent.
 *
 * <p>The head's name and NIK are personal data (UU PDP 27/2022): they are {@link Sealed} with the household's own
 * data key, which is kept apart from the event store and destroyed when the household's personal data is forgotten.
 *
 * @param headName the family head's name, sealed
 * @param nik      the family head's NIK, sealed; null when not known
 * @param nikHash  HMAC-SHA256 of the kelurahan code and the NIK under a secret pepper of the command service (hex),
 *                 so that the kelurahan can keep NIK unique without the plaintext; null when the NIK is not known
 */
public record HouseholdRegistered(String householdId, String kelurahanCode, String rw, String rt, Sealed headName,
                                  int members, PovertyStatus povertyStatus, Sealed nik, String nikHash,
                                  LocalDate registeredOn) {
}
