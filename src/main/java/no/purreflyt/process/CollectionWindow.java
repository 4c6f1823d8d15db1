package no.purreflyt.process;

import java.time.Clock;
import java.util.Date;
import no.purreflyt.collection.CollectionService;
import no.purreflyt.collection.Handovers;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * When the case enters "With the collection agency" ({@code ${collectionWindow}}, on the subprocess's start): the
 * agency and the withdrawal window for the forms and the timer, and whether the window is still open (a case that
 * comes back after a payment decision may find it closed).
 */
@Component("collectionWindow")
class CollectionWindow implements ExecutionListener {

    private final CollectionService collections;
    private final CaseStage stage;
    private final Clock clock;

    CollectionWindow(CollectionService collections, CaseStage stage, Clock clock) {
        this.collections = collections;
        this.stage = stage;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateExecution execution) {
        long caseId = ProcessVariables.CASE_ID.required(execution);
        Handovers.Handover handover = collections.find(caseId)
                .orElseThrow(() -> new IllegalStateException("Case " + caseId + " entered the collection without a handover"));
        // the window's last day is whole: it closes at the start of the next day
        Date endsAt = Date.from(handover.windowEndsOn().plusDays(1).atStartOfDay(clock.getZone()).toInstant());
        ProcessVariables.AGENCY.on(execution).set(handover.agency());
        ProcessVariables.WITHDRAWAL_WINDOW_ENDS_AT.on(execution).set(endsAt);
        ProcessVariables.WITHDRAWAL_WINDOW_ENDS_ON.on(execution).set(handover.windowEndsOn().toString());
        ProcessVariables.WITHDRAWAL_WINDOW_OPEN.on(execution).set(clock.instant().isBefore(endsAt.toInstant()));
        stage.set(execution, ProcessVariables.Stage.HANDED_OVER);
    }
}
