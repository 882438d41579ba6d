package id.siklus.support.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

import java.io.IOException;

/**
 * Spring Security's firewall refuses suspicious paths (an encoded semicolon, slash, percent or dot segment) before
 * any controller; the refusal then left as Boot's generic JSON error. It leaves as a problem detail instead.
 */
@Component
public class RejectedRequests implements RequestRejectedHandler {

    private final ObjectMapper objectMapper;

    public RejectedRequests(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), Problems.of(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST",
                "The request's address holds characters or sequences this service does not accept (an encoded "
                        + "semicolon, slash, backslash or percent sign, or a dot segment); nothing was read or written."));
    }
}
