package no.purreflyt.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

/**
 * The FEEL engine that parses each expression once answers what Camunda's own answers, also on the second evaluation
 * of a text with other variables (it keeps the parsed expression, never a result), and fails as Camunda's fails.
 */
class ParsedOnceFeelEngineTest {

    private final ParsedOnceFeelEngine parsedOnce = new ParsedOnceFeelEngine();
    private final ScalaFeelEngine camunda = new ScalaFeelEngine(java.util.List.of());

    private static VariableContext amount(String value) {
        return Variables.createVariables().putValue("amount", value == null ? null : new BigDecimal(value))
                .putValue("country", "NO").putValue("debtorType", "CONSUMER").asVariableContext();
    }

    @Test
    void unaryTestsAnswerAsCamundasForEachInputAlsoWhenTheTextWasSeenBefore() {
        String[][] cases = {
                {"< 500", "499.99"}, {"< 500", "500.00"}, {"< 500", "12000"},
                {"[100..1000]", "99.99"}, {"[100..1000]", "1000"}, {">= 5000", "5000.00"},
                {"< 500", null},
        };
        for (String[] c : cases) {
            boolean expected = camunda.evaluateSimpleUnaryTests(c[0], "amount", amount(c[1]));
            assertThat(parsedOnce.evaluateSimpleUnaryTests(c[0], "amount", amount(c[1])))
                    .as("%s with amount %s", c[0], c[1]).isEqualTo(expected);
        }
        // the texts above were parsed once and evaluated with each amount: 499.99 < 500, 500.00 is not
        assertThat(parsedOnce.evaluateSimpleUnaryTests("< 500", "amount", amount("499.99"))).isTrue();
        assertThat(parsedOnce.evaluateSimpleUnaryTests("< 500", "amount", amount("500.00"))).isFalse();
        assertThat(parsedOnce.evaluateSimpleUnaryTests("\"CONSUMER\",\"BUSINESS\"", "debtorType", amount("1")))
                .isTrue();
        assertThat(parsedOnce.evaluateSimpleUnaryTests("not(\"NO\")", "country", amount("1"))).isFalse();
    }

    @Test
    void expressionsAnswerAsCamundasWithTheVariablesOfEachEvaluation() {
        for (String value : new String[] {"100.00", "250.50"}) {
            for (String expression : new String[] {"amount", "amount * 2", "if amount > 200 then \"big\" else \"small\"",
                    "country"}) {
                Object expected = camunda.evaluateSimpleExpression(expression, amount(value));
                Object actual = parsedOnce.evaluateSimpleExpression(expression, amount(value));
                assertThat(actual).as("%s with amount %s", expression, value).isEqualTo(expected);
            }
        }
        // 250.50 × 2 = 501.00: the second amount, through the expression parsed for the first
        assertThat(parsedOnce.<Object>evaluateSimpleExpression("amount * 2", amount("250.50")).toString())
                .isEqualTo(camunda.<Object>evaluateSimpleExpression("amount * 2", amount("250.50")).toString());
    }

    @Test
    void aTextThatDoesNotParseFailsEveryTimeWithCamundasMessage() {
        String message = catchMessage(() -> camunda.evaluateSimpleUnaryTests("< ", "amount", amount("1")));
        for (int time = 0; time < 2; time++) {
            assertThatThrownBy(() -> parsedOnce.evaluateSimpleUnaryTests("< ", "amount", amount("1")))
                    .isInstanceOf(FeelException.class).hasMessage(message);
        }
        String expressionMessage = catchMessage(() -> camunda.evaluateSimpleExpression("amount +", amount("1")));
        assertThatThrownBy(() -> parsedOnce.evaluateSimpleExpression("amount +", amount("1")))
                .isInstanceOf(FeelException.class).hasMessage(expressionMessage);
    }

    private static String catchMessage(Runnable evaluation) {
        try {
            evaluation.run();
        } catch (FeelException e) {
            return e.getMessage();
        }
        throw new AssertionError("Camunda's FEEL engine accepted what the test takes for an error");
    }
}
