package id.siklus.command.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the read side of what this service records can be found: the Location of a created resource points there.
 *
 * @param queryServiceUrl the query service's public base URL
 */
@ConfigurationProperties("siklus.links")
public record Links(String queryServiceUrl) {

    public Links {
        queryServiceUrl = queryServiceUrl == null || queryServiceUrl.isBlank()
                ? "http://localhost:8082" : queryServiceUrl.replaceAll("/+$", "");
    }

    public String queryService() {
        return queryServiceUrl;
    }
}
