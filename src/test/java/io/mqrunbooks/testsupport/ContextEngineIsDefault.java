package io.mqrunbooks.testsupport;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Before each test of a Spring test context, makes that context's engine Camunda's "default" again. Camunda's
 * webapps (Tasklist's login) and REST look the engine up by name in a JVM-wide registry, and every app context
 * registers its own engine under "default" when it starts: with several cached contexts in one test JVM (the
 * lab's, the production profile's...), the last one started would otherwise answer for all of them.
 */
public class ContextEngineIsDefault implements TestExecutionListener {

    @Override
    public void beforeTestMethod(TestContext testContext) {
        ProcessEngine engine = testContext.getApplicationContext().getBeanProvider(ProcessEngine.class).getIfUnique();
        if (engine != null) {
            ProcessEngines.registerProcessEngine(engine);
        }
    }
}
