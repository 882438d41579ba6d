package id.siklus.support.web;

import org.apache.catalina.Container;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Requests that Tomcat itself refuses before any servlet sees them (a URI with an encoded backslash or another
 * character it does not accept, a malformed request line) got Tomcat's HTML error page. They get a problem detail
 * with a stable code instead, like every other refusal.
 */
@Component
public class ProblemErrorPages implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            Container parent = context.getParent();
            if (parent instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }

    /** Tomcat's error-report valve, writing {@code application/problem+json} without stack traces or server info. */
    public static class ProblemErrorReportValve extends ErrorReportValve {

        public ProblemErrorReportValve() {
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            String code = switch (status) {
                case 400 -> "MALFORMED_REQUEST";
                case 404 -> "NOT_FOUND";
                case 405 -> "METHOD_NOT_ALLOWED";
                case 413 -> "PAYLOAD_TOO_LARGE";
                case 414 -> "URI_TOO_LONG";
                case 431 -> "HEADERS_TOO_LARGE";
                default -> status >= 500 ? "INTERNAL_ERROR" : "REQUEST_REFUSED";
            };
            String detail = status >= 500 ? "Something went wrong on our side. Retry in a moment."
                    : "The server could not accept this request as sent (its address, headers or framing); "
                    + "nothing was read or written.";
            String body = "{\"type\":\"" + Problems.TYPE_BASE + code.toLowerCase().replace('_', '-')
                    + "\",\"title\":\"Request refused\",\"status\":" + status + ",\"detail\":\"" + detail
                    + "\",\"code\":\"" + code + "\"}";
            try {
                response.setContentType("application/problem+json");
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(body);
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException ignored) {
                // the client is gone or the response is committed: nothing more to say
            }
        }
    }
}
