package id.siklus.api.cycle;

/** Who took part in a cycle meeting: men, women, and how many of them are from poor families. */
public record Participants(int men, int women, int poor) {

    public int total() {
        return men + women;
    }
}
