package id.siklus.command.privacy;

import id.siklus.api.household.Sealed;
import id.siklus.support.privacy.PersonalDataCipher;

import java.util.HashMap;
import java.util.Map;

/** The key store of the fixture tests: a map, with the real cipher and vault around it. */
public class InMemoryHouseholdKeys implements HouseholdKeyStore {

    private final PersonalDataCipher cipher = new PersonalDataCipher(PersonalDataCipher.newDataKey());
    private final Map<String, byte[]> wrapped = new HashMap<>();
    private final Map<String, String> legalBasis = new HashMap<>();
    private final PersonalDataVault vault = new PersonalDataVault(this, cipher, PersonalDataCipher.newDataKey());

    public PersonalDataVault vault() {
        return vault;
    }

    @Override
    public void create(String householdId, String kelurahanCode, byte[] wrappedKey) {
        if (wrapped.putIfAbsent(householdId, wrappedKey) != null) {
            throw new IllegalStateException("household_key has a row for " + householdId);
        }
    }

    @Override
    public void destroy(String householdId, String legalBasis, String destroyedBy) {
        wrapped.put(householdId, null);
        this.legalBasis.put(householdId, legalBasis);
    }

    public boolean isDestroyed(String householdId) {
        return wrapped.containsKey(householdId) && wrapped.get(householdId) == null;
    }

    public String legalBasis(String householdId) {
        return legalBasis.get(householdId);
    }

    /** The plaintext of a sealed field, with the household's live key. */
    public String open(String householdId, String field, Sealed sealed) {
        return PersonalDataCipher.open(cipher.unwrap(householdId, wrapped.get(householdId)), householdId, field,
                sealed);
    }
}
