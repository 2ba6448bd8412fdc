package io.mqrunbooks.adapter.inbound.web;

import io.mqrunbooks.evidence.UnknownRunException;
import io.mqrunbooks.platform.run.RunAborts;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Errors of the run evidence API and pages as JSON with a message a person can act on. */
@RestControllerAdvice(assignableTypes = {RunReportsApiController.class, RunReportPagesController.class,
        RunPageController.class})
class RunEvidenceErrors {

    /**
     * The user may not do or see this; also the engine's refusal of what the user asked for (e.g. a retry without
     * RETRY_JOB), whose message names the permission.
     */
    @ExceptionHandler({RunEvidenceAccess.AccessDenied.class, AuthorizationException.class, RunAborts.NotAllowed.class})
    ResponseEntity<Map<String, Object>> forbidden(RuntimeException e) {
        return ApiErrors.error(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler({UnknownRunException.class, RunProgressReader.UnknownRun.class})
    ResponseEntity<Map<String, Object>> notFound(RuntimeException e) {
        return ApiErrors.error(HttpStatus.NOT_FOUND, e.getMessage());
    }

    /** An abort of a run that has ended, a retry of a step that has not failed. */
    @ExceptionHandler({RunAborts.NotRunning.class, RunPageController.StepNotFailed.class})
    ResponseEntity<Map<String, Object>> conflict(RuntimeException e) {
        return ApiErrors.error(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, Object>> badRequest(IllegalArgumentException e) {
        return ApiErrors.error(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> badParameter(MethodArgumentTypeMismatchException e) {
        return ApiErrors.error(HttpStatus.BAD_REQUEST, "Parameter '" + e.getName() + "' must be a whole number, was '"
                + e.getValue() + "'.");
    }

}
