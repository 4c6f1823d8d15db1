package no.purreflyt.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

/**
 * processes/select-plan.dmn as shipped, evaluated as PlanSelection evaluates it: businesses get "business", everyone
 * else "standard"; and a rule on the amount, as a designer would add one, compares the BigDecimal amount as a number.
 */
class SelectPlanDecisionTest {

    private final DmnEngine dmn = PlanSelection.dmnEngine();

    private static String shipped() throws Exception {
        return Files.readString(Path.of("processes/select-plan.dmn"));
    }

    private String decide(String xml, String type, String country, String amount) {
        DmnDecision decision;
        try (InputStream in = new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))) {
            decision = dmn.parseDecision(PlanSelection.DECISION, in);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        return dmn.evaluateDecisionTable(decision, Variables.createVariables().putValue("debtorType", type)
                .putValue("country", country).putValue("amount", new BigDecimal(amount)))
                .getFirstResult().getEntry(PlanSelection.OUTPUT);
    }

    @Test
    void businessesGetTheBusinessPlanAndEveryoneElseTheStandardOne() throws Exception {
        assertThat(decide(shipped(), "BUSINESS", "NO", "1000.00")).isEqualTo("business");
        assertThat(decide(shipped(), "BUSINESS", "SE", "5.00")).isEqualTo("business");
        assertThat(decide(shipped(), "CONSUMER", "NO", "1000.00")).isEqualTo("standard");
        assertThat(decide(shipped(), "CONSUMER", "SE", "999999.99")).isEqualTo("standard");
    }

    @Test
    void aRuleOnTheAmountComparesItAsANumber() throws Exception {
        // a designer's first rule: consumers with less than 500.00 outstanding get the mild plan
        String withSmallAmounts = shipped().replace("<rule id=\"Rule_Business\">", """
                <rule id="Rule_Small">
                        <inputEntry id="InputEntry_Small_Type"><text>"CONSUMER"</text></inputEntry>
                        <inputEntry id="InputEntry_Small_Country"><text></text></inputEntry>
                        <inputEntry id="InputEntry_Small_Amount"><text>&lt; 500</text></inputEntry>
                        <outputEntry id="OutputEntry_Small"><text>"mild"</text></outputEntry>
                      </rule>
                      <rule id="Rule_Business">""");

        assertThat(decide(withSmallAmounts, "CONSUMER", "NO", "499.99")).isEqualTo("mild");
        assertThat(decide(withSmallAmounts, "CONSUMER", "NO", "500.00")).isEqualTo("standard");
    }
}
