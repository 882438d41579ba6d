package id.siklus.command.platform;

import id.siklus.api.kelurahan.KelurahanCode;
import id.siklus.support.web.ApiProblem;

/** The {@code {code}} of a kelurahan path, checked before anything else is looked at. */
public final class KelurahanPath {

    private KelurahanPath() {
    }

    /** Refusal for a command addressed to a kelurahan that is not registered. */
    public static java.util.function.Function<RuntimeException, ApiProblem> unknownKelurahan(String code) {
        return e -> e instanceof org.axonframework.modelling.command.AggregateNotFoundException
                ? ApiProblem.notFound("KELURAHAN_NOT_FOUND",
                "Kelurahan " + code + " is not registered; an ADMIN must register it first.")
                : null;
    }

    public static String require(String code) {
        if (!KelurahanCode.isValid(code)) {
            throw ApiProblem.badRequest("INVALID_KELURAHAN_CODE", "'" + code
                    + "' is not a Kemendagri area code; use PP.KK.CC.DDDD, e.g. 35.71.03.1001.");
        }
        return code;
    }
}
