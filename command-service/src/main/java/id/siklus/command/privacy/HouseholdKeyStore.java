package id.siklus.command.privacy;

/**
 * Where the households' data keys are kept, wrapped under the master key: apart from the event tables and never on
 * Kafka. Both methods join the command's transaction.
 */
public interface HouseholdKeyStore {

    /** Stores a new household's wrapped data key. */
    void create(String householdId, String kelurahanCode, byte[] wrappedKey);

    /** Overwrites the household's key with nothing and records why, when and by whom; afterwards it opens nothing. */
    void destroy(String householdId, String legalBasis, String destroyedBy);

    /** After a destroy has committed: clear what the database may still keep of the old key. */
    default void vacuum() {
    }
}
