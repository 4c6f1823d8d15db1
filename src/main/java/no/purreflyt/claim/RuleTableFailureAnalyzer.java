package no.purreflyt.claim;

import no.purreflyt.rules.RuleTableException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A bad legal table stops start-up with its own sentence (file, line, what is wrong), not a bean stack trace. */
class RuleTableFailureAnalyzer extends AbstractFailureAnalyzer<RuleTableException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, RuleTableException cause) {
        return new FailureAnalysis("A legal table cannot be used: " + cause.getMessage(),
                "Correct the table (see README, 'Updating the legal tables') or the setting purreflyt.rules.directory, "
                        + "then start again.", cause);
    }
}
