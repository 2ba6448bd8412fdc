package io.mqrunbooks.platform.deploy;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * What an expression (JUEL, {@code ${...}}) in a deployed model may do. JUEL calls any public method of any object
 * it reaches, and the engine resolves every Spring bean by name: an expression could write an approval into the
 * run records or run a command, so deploying a model would be running code. A model's expressions may read
 * variables and compare, combine and choose among values; the only calls are the few the runbooks need: a run's
 * variables, text concatenation, the engine's user and date functions and three runbook helpers. A delegate
 * expression names one bean and nothing else.
 */
final class ModelExpressions {

    /** The calls a model may make, by what they are called on. */
    private static final Map<String, Set<String>> CALLS = Map.of(
            "execution", Set.of("getVariable", "setVariable", "removeVariable"),
            "task", Set.of("getVariable", "setVariable"),
            // runbook helpers the models use (RunbookWaits, BaselinePrimaries, BaselineSchedule)
            "runbookWaits", Set.of("poll"),
            "baselinePrimaries", Set.of("of"),
            "baselineSchedule", Set.of("cycle"));
    private static final Set<String> PROPERTIES = Set.of("execution.processBusinessKey", "execution.processInstanceId");
    /** The engine's own functions (CommandContextFunctions, DateTimeFunctions). */
    private static final Set<String> FUNCTIONS = Set.of("currentUser", "currentUserGroups", "now", "dateTime");

    private static final String MAY_CALL = "a model may call only execution.getVariable/setVariable/removeVariable,"
            + " task.getVariable/setVariable, runbookWaits.poll, baselinePrimaries.of, baselineSchedule.cycle,"
            + " 'text'.concat(...), currentUser(), currentUserGroups(), now() and dateTime()";

    private final Predicate<String> isBean;

    /** @param isBean whether a name is an application bean (which only a delegate expression may name) */
    ModelExpressions(Predicate<String> isBean) {
        this.isBean = isBean;
    }

    /** Why the expression text may not be deployed, or empty when it may. */
    Optional<String> refusal(String text) {
        try {
            return refusal(new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS).build(text)
                    .getRoot());
        } catch (TreeBuilderException e) {
            return Optional.of("it is not a valid expression: " + e.getMessage());
        }
    }

    /** A delegate expression is one bean's name: {@code ${someDelegate}}. */
    static Optional<String> delegateRefusal(String text) {
        return text.matches("\\$\\{\\s*[A-Za-z_][A-Za-z0-9_]*\\s*}") ? Optional.empty()
                : Optional.of("a delegate expression names one bean, as ${someDelegate}");
    }

    private Optional<String> refusal(Node node) {
        if (node instanceof AstMethod method) {
            return callRefusal(method);
        }
        if (node instanceof AstBracket) {
            return Optional.of("it uses [...] on a value; a model reads variables by name");
        }
        if (node instanceof AstDot dot) {
            String property = dotted(dot);
            return PROPERTIES.contains(property) ? Optional.empty()
                    : Optional.of("it reads " + property + "; a model may read only variables,"
                    + " execution.processBusinessKey and execution.processInstanceId");
        }
        if (node instanceof AstFunction function && !FUNCTIONS.contains(function.getName())) {
            return Optional.of("it calls the function " + function.getName() + "(); " + MAY_CALL);
        }
        if (node instanceof AstIdentifier identifier && isBean.test(identifier.getName())) {
            return Optional.of("it names the application's bean '" + identifier.getName()
                    + "'; only a delegate expression may name a bean");
        }
        return children(node);
    }

    private Optional<String> callRefusal(AstMethod method) {
        Node target = method.getChild(0);
        Node parameters = method.getChild(1);
        if (target instanceof AstDot dot) {
            Node base = dot.getChild(0);
            String name = name(dot);
            boolean allowedCall = base instanceof AstIdentifier identifier
                    && CALLS.getOrDefault(identifier.getName(), Set.of()).contains(name);
            boolean concat = name.equals("concat") && (base instanceof AstString || isConcat(base));
            if (allowedCall) {
                return refusal(parameters);
            }
            if (concat) {
                return refusal(base).or(() -> refusal(parameters));
            }
            return Optional.of("it calls " + dotted(dot) + "(...); " + MAY_CALL);
        }
        return Optional.of("it calls a method through [...]; " + MAY_CALL);
    }

    private static boolean isConcat(Node node) {
        return node instanceof AstMethod method && method.getChild(0) instanceof AstDot dot
                && name(dot).equals("concat") && (dot.getChild(0) instanceof AstString || isConcat(dot.getChild(0)));
    }

    private Optional<String> children(Node node) {
        for (int i = 0; i < node.getCardinality(); i++) {
            Optional<String> refusal = refusal(node.getChild(i));
            if (refusal.isPresent()) {
                return refusal;
            }
        }
        return Optional.empty();
    }

    /** The property an AstDot reads: its toString is ". name". */
    private static String name(AstDot dot) {
        return dot.toString().substring(2);
    }

    private static String dotted(AstDot dot) {
        Node base = dot.getChild(0);
        String prefix = base instanceof AstIdentifier identifier ? identifier.getName()
                : base instanceof AstDot inner ? dotted(inner) : "(...)";
        return prefix + "." + name(dot);
    }
}
