package no.purreflyt.rules;

/**
 * A step of a plan that a case has already taken: the notice it sent, or, where the law refused the step on the
 * day it was due, none and the reason it was skipped.
 *
 * @param planStep the step's position in the plan (0 = first)
 */
public record TakenStep(int planStep, SentNotice notice, String skippedBecause) {

    public static TakenStep sent(int planStep, SentNotice notice) {
        return new TakenStep(planStep, notice, null);
    }

    public static TakenStep skipped(int planStep, String reason) {
        return new TakenStep(planStep, null, reason);
    }
}
