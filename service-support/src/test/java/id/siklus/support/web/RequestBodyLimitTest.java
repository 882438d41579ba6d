package id.siklus.support.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.StreamUtils;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

class RequestBodyLimitTest {

    private final RequestBodyLimit filter = new RequestBodyLimit(DataSize.ofBytes(100), new ObjectMapper());

    private static MockHttpServletRequest post(byte[] body, boolean chunked) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/x");
        request.setContent(body);
        if (chunked) {
            // MockHttpServletRequest derives the length from the content; a chunked request announces none
            request = new MockHttpServletRequest("POST", "/api/v1/x") {
                @Override
                public long getContentLengthLong() {
                    return -1;
                }

                @Override
                public int getContentLength() {
                    return -1;
                }
            };
            request.setContent(body);
            request.addHeader("Transfer-Encoding", "chunked");
        }
        return request;
    }

    @Test
    void anAnnouncedBodyOverTheLimitIsRefusedUnread() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(post(new byte[101], false), response, chain);

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"code\":\"PAYLOAD_TOO_LARGE\"");
        assertThat(chain.getRequest()).as("nothing behind the filter ran").isNull();
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedWhileReading() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(post(new byte[5000], true), response, chain);

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(chain.getRequest()).isNull();
    }

    @Test
    void bodiesAtTheLimitPassWhole() throws Exception {
        byte[] body = "x".repeat(100).getBytes();
        for (boolean chunked : new boolean[]{false, true}) {
            MockHttpServletResponse response = new MockHttpServletResponse();
            MockFilterChain chain = new MockFilterChain();
            filter.doFilter(post(body, chunked), response, chain);

            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(chain.getRequest()).isNotNull();
            assertThat(StreamUtils.copyToByteArray(chain.getRequest().getInputStream())).isEqualTo(body);
        }
    }
}
