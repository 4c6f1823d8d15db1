package no.purreflyt.claim;

import com.fasterxml.jackson.annotation.JsonValue;
import no.purreflyt.rules.Confidence;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The rules know no Jackson; here their confidence marks are written as REGULATION.md writes them ("[2+]"). */
@Configuration(proxyBeanMethods = false)
class RulesJson {

    abstract static class ConfidenceAsMark {
        @JsonValue
        abstract String mark();
    }

    @Bean
    Jackson2ObjectMapperBuilderCustomizer confidenceAsMark() {
        return builder -> builder.mixIn(Confidence.class, ConfidenceAsMark.class);
    }
}
