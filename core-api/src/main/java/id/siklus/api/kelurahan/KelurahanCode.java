package id.siklus.api.kelurahan;

import java.util.regex.Pattern;

/** A kelurahan is identified by its Kemendagri area code, {@code PP.KK.CC.DDDD} (province, kota, kecamatan, ward). */
public final class KelurahanCode {

    public static final String PATTERN = "^\\d{2}\\.\\d{2}\\.\\d{2}\\.\\d{4}$";
    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    private KelurahanCode() {
    }

    public static boolean isValid(String code) {
        return code != null && COMPILED.matcher(code).matches();
    }
}
