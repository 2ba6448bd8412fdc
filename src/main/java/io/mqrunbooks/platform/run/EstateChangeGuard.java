package io.mqrunbooks.platform.run;

import io.mqrunbooks.application.port.out.ChangesEstate;
import io.mqrunbooks.application.port.out.MqAdminPort;
import io.mqrunbooks.application.port.out.MqControlPort;
import io.mqrunbooks.application.port.out.control.DrPrimarySpec;
import io.mqrunbooks.application.port.out.control.DrSecondaryCommand;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Optional;

/**
 * Stands in front of the MQ control and admin ports: a method marked {@link ChangesEstate}, called from a
 * runbook step, runs only when the step holds an approval (its {@link StepMandate}) and only on a queue
 * manager and host of the run's sealed scope. Called outside any run step (an expression in a query, say: Review A)
 * it is refused, unless the thread opened {@link #outsideRun}: nothing in the application does; lab tests do to set
 * up the lab estate.
 */
public final class EstateChangeGuard implements InvocationHandler {

    private static final ThreadLocal<String> OUTSIDE_RUN = new ThreadLocal<>();

    private final Object target;
    private final boolean control;

    private EstateChangeGuard(Object target, boolean control) {
        this.target = target;
        this.control = control;
    }

    public static MqControlPort guard(MqControlPort port) {
        return (MqControlPort) Proxy.newProxyInstance(MqControlPort.class.getClassLoader(),
                new Class<?>[] {MqControlPort.class}, new EstateChangeGuard(port, true));
    }

    public static MqAdminPort guard(MqAdminPort port) {
        return (MqAdminPort) Proxy.newProxyInstance(MqAdminPort.class.getClassLoader(),
                new Class<?>[] {MqAdminPort.class}, new EstateChangeGuard(port, false));
    }

    /** A scope opened by {@link #outsideRun}; closing it ends the allowance. */
    public interface OutsideRun extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Lets this thread change the estate outside any run step until the returned scope is closed: the one explicit
     * exception, for {@code why} (a lab test setting up its estate). Run steps never need it: they hold a
     * {@link StepMandate}.
     */
    public static OutsideRun outsideRun(String why) {
        String previous = OUTSIDE_RUN.get();
        OUTSIDE_RUN.set(why);
        return () -> OUTSIDE_RUN.set(previous);
    }

    /** The port behind a guarded one (for wiring checks), or the object itself when it is not guarded. */
    public static Object unguarded(Object port) {
        if (Proxy.isProxyClass(port.getClass()) && Proxy.getInvocationHandler(port) instanceof EstateChangeGuard g) {
            return g.target;
        }
        return port;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "guarded " + target;
            };
        }
        if (method.isAnnotationPresent(ChangesEstate.class)) {
            Optional<StepMandate> mandate = StepMandate.current();
            if (mandate.isPresent()) {
                check(mandate.get(), method, args);
            } else if (OUTSIDE_RUN.get() == null) {
                throw new RunGuardException(method.getName() + " changes the estate, but was called outside any"
                        + " runbook step: only a step of a run approved by someone other than its initiator changes"
                        + " the estate; nothing was changed");
            }
        }
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private void check(StepMandate mandate, Method method, Object[] args) {
        String host = control ? (String) args[0] : null;
        // A node-wide control command (rdqmadm -s/-r) names only the host: the host check is the whole check.
        boolean nodeWide = control && args.length == 1;
        String queueManager = nodeWide ? null : control ? queueManagerOf(args[1]).orElse(null) : (String) args[0];
        String what = method.getName() + " on " + (host != null ? host : "") + (nodeWide ? ""
                : (host != null ? "/" : "") + queueManager);
        String step = "Step '" + mandate.stepName() + "' (" + mandate.stepId() + ") of run " + mandate.runId();
        if (mandate.approvedBy().isEmpty()) {
            throw new RunGuardException(step + " would change the estate (" + what + ") but its process model"
                    + " names no approval gate for it (property approvedBy); nothing was changed");
        }
        if (host != null && !mandate.scope().coversHost(host)) {
            throw new RunGuardException(step + " would change host " + host + ", which is not in the run's"
                    + " sealed scope (" + mandate.scope() + "); nothing was changed");
        }
        if (!nodeWide && !mandate.scope().coversQueueManager(queueManager)) {
            throw new RunGuardException(step + " would change queue manager " + queueManager + ", which is not"
                    + " in the run's sealed scope (" + mandate.scope() + "); nothing was changed");
        }
    }

    private static Optional<String> queueManagerOf(Object argument) {
        if (argument instanceof String name) {
            return Optional.of(name);
        }
        if (argument instanceof DrPrimarySpec spec) {
            return Optional.of(spec.queueManager());
        }
        if (argument instanceof DrSecondaryCommand command) {
            return Optional.of(command.queueManager());
        }
        return Optional.empty();
    }
}
