package no.purreflyt.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.io.IOException;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * JSON as typed as our records: a number or a boolean where text belongs is refused, not turned into "42" (a client
 * that sends a number for a reason or an id has mixed up its fields). With {@code spring.jackson.default-leniency:
 * false} a date must be a date text too; a number there would be read as days since 1970.
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

    /**
     * A text with a NUL character is refused where it is read, as a 400 naming its field: PostgreSQL stores no NUL in
     * a text column, and would refuse the row later with an error that reads like a conflict.
     */
    static final class NoNulText extends StringDeserializer {

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = super.deserialize(p, ctxt);
            if (text != null && text.indexOf('\u0000') >= 0) {
                throw InvalidFormatException.from(p, "a NUL character", text, String.class);
            }
            return text;
        }
    }

    @Bean
    Jackson2ObjectMapperBuilderCustomizer noNulInText() {
        return builder -> builder.deserializerByType(String.class, new NoNulText());
    }

    @Bean
    Jackson2ObjectMapperBuilderCustomizer noTextFromNumbers() {
        return builder -> builder.postConfigurer(mapper -> mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }
}
