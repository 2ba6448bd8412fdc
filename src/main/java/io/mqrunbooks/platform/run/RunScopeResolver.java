package io.mqrunbooks.platform.run;

import java.util.Map;

/** Resolves a run's sealed parameters to what it may change. */
@FunctionalInterface
public interface RunScopeResolver {

    RunScope resolve(String processKey, Map<String, String> parameters);
}
