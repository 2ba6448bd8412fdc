package io.mqrunbooks.evidence;

import java.util.List;

/** One page of runs, newest first. */
public record RunPage(List<RunSummary> runs, int page, int size, long total) {
}
