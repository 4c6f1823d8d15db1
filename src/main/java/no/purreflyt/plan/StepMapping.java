package no.purreflyt.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.purreflyt.rules.StepKind;

/**
 * How a running case's history fits a new version of its plan: each step it has taken (sent, or skipped because the law
 * refused it) becomes the next step of the same kind in the new plan, in order, so the case goes on where it stopped and
 * sends nothing twice. Steps of the new plan that fall before the last one taken were not part of the plan when the
 * case passed them: they are skipped, not sent late. A history the new plan has no room for (two purringer sent, one
 * purring step left) cannot move.
 */
public final class StepMapping {

    /** A step the case has taken: its notice and its position in the old plan. */
    public record Taken(long noticeId, int planStep, StepKind kind) {
    }

    /**
     * @param steps   each taken notice's position in the new plan
     * @param skipped the new plan's steps before the last one taken that the case never took
     */
    public record Result(Map<Long, Integer> steps, List<Integer> skipped) {
    }

    private StepMapping() {
    }

    /** The mapping, or empty with the reason in {@code refusal} when the new plan has no room for the history. */
    public static Optional<Result> map(List<Taken> taken, List<DunningPlan.Step> newPlan, StringBuilder refusal) {
        Map<Long, Integer> steps = new LinkedHashMap<>();
        int position = -1;
        for (Taken step : taken.stream().sorted(java.util.Comparator.comparingInt(Taken::planStep)).toList()) {
            int next = -1;
            for (int i = position + 1; i < newPlan.size(); i++) {
                if (newPlan.get(i).kind() == step.kind()) {
                    next = i;
                    break;
                }
            }
            if (next < 0) {
                long ofKind = taken.stream().filter(t -> t.kind() == step.kind()).count();
                long inPlan = newPlan.stream().filter(s -> s.kind() == step.kind()).count();
                refusal.append("the case has taken ").append(ofKind).append(" ").append(name(step.kind(), ofKind))
                        .append(", and the new version has ").append(inPlan).append(" ")
                        .append(name(step.kind(), inPlan)).append(" for them after the steps before");
                return Optional.empty();
            }
            steps.put(step.noticeId(), next);
            position = next;
        }
        List<Integer> skipped = new ArrayList<>();
        for (int i = 0; i < position; i++) {
            if (!steps.containsValue(i)) {
                skipped.add(i);
            }
        }
        return Optional.of(new Result(steps, skipped));
    }

    private static String name(StepKind kind, long count) {
        String name = switch (kind) {
            case REMINDER -> "free reminder";
            case PURRING -> "purring";
            case INKASSOVARSEL -> "inkassovarsel";
            case HANDOVER -> "handover";
        };
        return count == 1 ? name + " step" : name + " steps";
    }
}
