package no.purreflyt.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.junit.jupiter.api.Test;

/** What a client is told when a text field of its JSON is not a text, or holds what no text may. */
class JsonProblemsTest {

    record Customer(String externalId) {
    }

    /** The application's reading of JSON text (StrictJson): no NUL, no number or boolean taken as text. */
    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new SimpleModule().addDeserializer(String.class, new StrictJson.NoNulText()));

    JsonProblemsTest() {
        json.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    }

    @Test
    void aNumberWhereTextBelongsIsTheWrongTypeNotANulCharacter() {
        ProblemException problem = JsonProblems.refusal(catchThrowable(() -> json.readValue("{\"externalId\": 42}", Customer.class)),
                "a customer");

        assertThat(problem.getMessage()).isEqualTo("The field externalId has the wrong type; expected text");
    }

    @Test
    void aNulCharacterInTextIsNamed() {
        ProblemException problem = JsonProblems.refusal(
                catchThrowable(() -> json.readValue("{\"externalId\": \"C\\u00001\"}", Customer.class)), "a customer");

        assertThat(problem.getMessage()).isEqualTo("The field externalId holds a NUL character, which no text may hold");
    }
}
