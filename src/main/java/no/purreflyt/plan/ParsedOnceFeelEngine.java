package no.purreflyt.plan;

import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Left;
import camundajar.impl.scala.util.Right;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.FeelEngine.UnaryTests$;
import org.camunda.feel.context.Context;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;

/**
 * Camunda's FEEL engine with each expression parsed once: {@link ScalaFeelEngine} parses a decision table's input
 * expressions and input entries again on every evaluation (camunda/feel-scala#1149). With select-plan.dmn that took the
 * case starter from 64 to 72 cases a second (benchmark/RESULTS.md, "Tuning"). Evaluation is the engine's own, with the
 * same variables and the same errors; only the parse result (or parse failure) of an expression's text is kept.
 */
final class ParsedOnceFeelEngine extends ScalaFeelEngine {

    /** More distinct texts than any set of deployed decisions has: past it, the cache starts over. */
    private static final int MAX_EXPRESSIONS = 10_000;

    private final Map<String, Either<Failure, ParsedExpression>> expressions = new ConcurrentHashMap<>();
    private final Map<String, Either<Failure, ParsedExpression>> unaryTests = new ConcurrentHashMap<>();

    ParsedOnceFeelEngine() {
        super(List.of());
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T evaluateSimpleExpression(String expression, VariableContext variables) {
        ParsedExpression parsed = parsed(expressions, expression, feelEngine::parseExpression);
        return (T) value(feelEngine.eval(parsed, context(new ContextVariableWrapper(variables))));
    }

    @Override
    public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variables) {
        ParsedExpression parsed = parsed(unaryTests, expression, feelEngine::parseUnaryTests);
        VariableProvider input = new VariableProvider.StaticVariableProvider(
                camundajar.impl.scala.collection.immutable.Map$.MODULE$.<String, Object>empty()
                        .updated(UnaryTests$.MODULE$.inputVariable(), inputVariable));
        VariableProvider both = new VariableProvider.CompositeVariableProvider(
                toScalaList(input, new ContextVariableWrapper(variables)));
        // as FeelEngine.evalUnaryTests: a result that is not true (false, null) does not match
        return Boolean.TRUE.equals(value(feelEngine.eval(parsed, context(both))));
    }

    private static ParsedExpression parsed(Map<String, Either<Failure, ParsedExpression>> cache, String text,
            Function<String, Either<Failure, ParsedExpression>> parse) {
        if (cache.size() > MAX_EXPRESSIONS) {
            cache.clear();
        }
        return (ParsedExpression) value(cache.computeIfAbsent(text, parse));
    }

    /** The right side, or the failure as Camunda's ScalaFeelEngine reports it. */
    private static Object value(Either<Failure, ?> result) {
        if (result instanceof Right<?, ?> right) {
            return right.value();
        }
        throw LOGGER.evaluationException(((Left<Failure, ?>) result).value().message());
    }

    private static Context context(VariableProvider variables) {
        return new CustomContext() {
            @Override
            public VariableProvider variableProvider() {
                return variables;
            }
        };
    }
}
