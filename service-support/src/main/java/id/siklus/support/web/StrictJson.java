package id.siklus.support.web;

import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A text field takes text only: {@code "name": 42} is refused, not stored as "42". Boot's
 * {@code allow-coercion-of-scalars=false} covers numbers and booleans given as text, not this direction.
 */
@Configuration
public class StrictJson {

    /** Boot adds Module beans to its ObjectMapper, which Axon also uses for event payloads. */
    @Bean
    RupiahJson rupiahJson() {
        return new RupiahJson();
    }

    /**
     * Every view as CSV with Accept: text/csv. Added last, not as a converter bean (which Boot would put first), so
     * that JSON stays the answer to a request that accepts anything.
     */
    @Bean
    org.springframework.web.servlet.config.annotation.WebMvcConfigurer csvViews(
            com.fasterxml.jackson.databind.ObjectMapper json) {
        return new org.springframework.web.servlet.config.annotation.WebMvcConfigurer() {
            @Override
            public void extendMessageConverters(
                    java.util.List<org.springframework.http.converter.HttpMessageConverter<?>> converters) {
                converters.add(new CsvViews(json));
            }
        };
    }

    @Bean
    Jackson2ObjectMapperBuilderCustomizer textFieldsTakeTextOnly() {
        return builder -> builder.postConfigurer(mapper -> mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }
}
