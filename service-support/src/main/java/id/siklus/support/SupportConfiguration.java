package id.siklus.support;

import id.siklus.support.security.Access;
import id.siklus.support.security.SecurityConfiguration;
import id.siklus.support.web.ProblemErrorPages;
import id.siklus.support.web.ProblemHandler;
import id.siklus.support.web.RejectedRequests;
import id.siklus.support.web.RequestBodyLimit;
import id.siklus.support.web.StrictJson;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Imported by each service: the shared HTTP edge (security, tenancy rules, problem details, body limit). */
@Configuration
@Import({SecurityConfiguration.class, Access.class, ProblemHandler.class, StrictJson.class,
        RequestBodyLimit.class, ProblemErrorPages.class,
        RejectedRequests.class})
public class SupportConfiguration {
}
