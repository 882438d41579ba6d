package id.siklus.api.kelurahan;

/** A kelurahan was enrolled in the program; its code is its identity from now on. */
public record KelurahanRegistered(String code, String name, String kecamatan, String kota) {
}
