package no.purreflyt.claim;

import no.purreflyt.rules.BusinessCalendar;
import no.purreflyt.rules.ClaimCalculator;
import no.purreflyt.rules.DatedTable;
import no.purreflyt.rules.FeeRules;
import no.purreflyt.rules.Forecaster;
import no.purreflyt.rules.InterestCalculator;
import no.purreflyt.rules.PlanRules;
import no.purreflyt.rules.Regimes;
import no.purreflyt.rules.RuleTables;
import no.purreflyt.rules.StepDates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the plain-Java rules once at start-up; a bad table stops the application here. */
@Configuration(proxyBeanMethods = false)
class RulesConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RulesConfiguration.class);

    @Bean
    RuleTables ruleTables(RulesProperties properties) {
        RuleTables tables = RuleTables.withOverrides(properties.directory());
        for (DatedTable<?> table : tables.all()) {
            var rows = table.rows();
            var last = rows.get(rows.size() - 1);
            log.info("Legal table {}: {} rows, {} to {}", table.name(), rows.size(), rows.get(0).from(),
                    last.to() == null ? "further notice" : last.to());
        }
        if (properties.directory() != null) {
            log.info("Legal tables extended from {}", properties.directory().toAbsolutePath());
        }
        return tables;
    }

    @Bean
    Regimes regimes(RulesProperties properties) {
        if (properties.newInkassolovFrom() == null) {
            log.info("The new inkassolov has no in-force date set (purreflyt.rules.new-inkassolov-from); Norway "
                    + "stays under inkassoloven 1988");
        }
        return new Regimes(properties.newInkassolovFrom());
    }

    @Bean
    BusinessCalendar businessCalendar() {
        return new BusinessCalendar();
    }

    @Bean
    StepDates stepDates(BusinessCalendar calendar) {
        return new StepDates(calendar);
    }

    @Bean
    InterestCalculator interestCalculator(RuleTables tables) {
        return new InterestCalculator(tables);
    }

    @Bean
    FeeRules feeRules(RuleTables tables, Regimes regimes) {
        return new FeeRules(tables, regimes);
    }

    @Bean
    ClaimCalculator claimCalculator(InterestCalculator interest, FeeRules fees) {
        return new ClaimCalculator(interest, fees);
    }

    @Bean
    Forecaster forecaster(FeeRules fees, StepDates dates) {
        return new Forecaster(fees, dates);
    }

    @Bean
    PlanRules planRules(Regimes regimes) {
        return new PlanRules(regimes);
    }
}
