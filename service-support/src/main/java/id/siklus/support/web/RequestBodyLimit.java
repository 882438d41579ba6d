package id.siklus.support.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Refuses a request body over the limit ({@code siklus.http.max-request-body}, 256 KiB) with 413 before anyone reads
 * it: by its Content-Length when it announces one, else while reading it (a chunked body is read up to the limit,
 * kept, and passed on). Runs before authentication, so an anonymous sender cannot make the service read more either.
 */
@Component
public class RequestBodyLimit extends OncePerRequestFilter implements Ordered {

    private final long limit;
    private final ObjectMapper objectMapper;

    public RequestBodyLimit(@Value("${siklus.http.max-request-body:256KB}") DataSize limit, ObjectMapper objectMapper) {
        this.limit = limit.toBytes();
        this.objectMapper = objectMapper;
    }

    @Override
    public int getOrder() {
        // before Spring Security's filter chain (-100) and anything that reads the body
        return Ordered.HIGHEST_PRECEDENCE + 20;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long announced = request.getContentLengthLong();
        if (announced > limit) {
            refuse(response);
            return;
        }
        if (announced < 0 && hasBody(request)) {
            byte[] body = readAtMost(request.getInputStream(), limit + 1);
            if (body.length > limit) {
                refuse(response);
                return;
            }
            chain.doFilter(new BufferedBody(request, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean hasBody(HttpServletRequest request) {
        String encoding = request.getHeader("Transfer-Encoding");
        return encoding != null && !encoding.isBlank();
    }

    private static byte[] readAtMost(InputStream in, long max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int read;
        while (out.size() < max && (read = in.read(buffer, 0, (int) Math.min(buffer.length, max - out.size()))) != -1) {
            out.write(buffer, 0, read);
        }
        return out.toByteArray();
    }

    private void refuse(HttpServletResponse response) throws IOException {
        ProblemDetail problem = Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "PAYLOAD_TOO_LARGE", "The request body is "
                + "larger than " + limit / 1024 + " KiB; nothing was read or written. Send less per request.");
        response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        // the rest of the body is not read: the connection cannot be reused for another request
        response.setHeader("Connection", "close");
        objectMapper.writeValue(response.getOutputStream(), problem);
    }

    /** The request with its body already read into memory (at most the limit). */
    private static final class BufferedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        BufferedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is read already");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
