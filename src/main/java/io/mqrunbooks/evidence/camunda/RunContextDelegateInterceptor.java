package io.mqrunbooks.evidence.camunda;

import io.mqrunbooks.application.port.out.RunContext;
import org.camunda.bpm.engine.delegate.BaseDelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.delegate.DelegateInvocation;
import org.camunda.bpm.engine.impl.interceptor.DelegateInterceptor;

/**
 * Sets {@link RunContext} for exactly the length of every delegate call (service tasks, listeners), on the
 * thread that runs it, then hands the call to the engine's own interceptor. Execution listeners added by
 * a parse listener could set it but not scope it: an exception in the delegate would skip the "end".
 */
public class RunContextDelegateInterceptor implements DelegateInterceptor {

    private final DelegateInterceptor engineInterceptor;

    public RunContextDelegateInterceptor(DelegateInterceptor engineInterceptor) {
        this.engineInterceptor = engineInterceptor;
    }

    @Override
    public void handleInvocation(DelegateInvocation invocation) throws Exception {
        BaseDelegateExecution context = invocation.getContextExecution();
        if (context instanceof DelegateExecution execution && execution.getProcessInstanceId() != null) {
            RunContext.Step step = new RunContext.Step(execution.getProcessInstanceId(),
                    execution.getProcessBusinessKey(), execution.getCurrentActivityId(),
                    execution.getCurrentActivityName());
            try (AutoCloseable scope = RunContext.enter(step)) {
                engineInterceptor.handleInvocation(invocation);
            }
        } else {
            engineInterceptor.handleInvocation(invocation);
        }
    }
}
