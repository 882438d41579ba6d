package id.siklus.query.kelurahan;

import id.siklus.support.security.Access;
import id.siklus.support.security.SiklusClient;
import id.siklus.support.web.ApiProblem;
import org.springframework.stereotype.Component;

/** Who may read a kelurahan's views: the rule of {@link Access}, with the kelurahan's kota from the directory. */
@Component
public class KelurahanAccess {

    private final Access access;
    private final KelurahanDirectoryProjection directory;

    KelurahanAccess(Access access, KelurahanDirectoryProjection directory) {
        this.access = access;
        this.directory = directory;
    }

    public SiklusClient requireReadable(String code) {
        return access.requireRead(code, directory.find(code)
                .map(KelurahanDirectoryProjection.KelurahanDocument::kota)
                .orElse(null));
    }

    /** For views of a kelurahan: unknown codes are a 404 (codes are public), then the read rule applies. */
    public SiklusClient requireKnownAndReadable(String code) {
        KelurahanDirectoryProjection.KelurahanDocument kelurahan = directory.find(code)
                .orElseThrow(() -> notFound(code));
        return access.requireRead(code, kelurahan.kota());
    }

    public static ApiProblem notFound(String code) {
        return ApiProblem.notFound("KELURAHAN_NOT_FOUND", "No kelurahan " + code
                + " in the read model. Check the code; a registration just made appears within seconds.");
    }
}
