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

    @ExceptionHandler(RunEvidenceAccess.AccessDenied.class)
    ResponseEntity<Map<String, Object>> forbidden(RunEvidenceAccess.AccessDenied e) {
        return ApiErrors.error(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(UnknownRunException.class)
    ResponseEntity<Map<String, Object>> notFound(UnknownRunException e) {
        return ApiErrors.error(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(RunProgressReader.UnknownRun.class)
    ResponseEntity<Map<String, Object>> noSuchRun(RunProgressReader.UnknownRun e) {
        return ApiErrors.error(HttpStatus.NOT_FOUND, e.getMessage());
    }

    /** The engine refused what the user asked for (e.g. a retry without RETRY_JOB): its message names the permission. */
    @ExceptionHandler(AuthorizationException.class)
    ResponseEntity<Map<String, Object>> engineRefused(AuthorizationException e) {
        return ApiErrors.error(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(RunAborts.NotAllowed.class)
    ResponseEntity<Map<String, Object>> mayNotAbort(RunAborts.NotAllowed e) {
        return ApiErrors.error(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(RunAborts.NotRunning.class)
    ResponseEntity<Map<String, Object>> cannotAbort(RunAborts.NotRunning e) {
        return ApiErrors.error(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(RunPageController.StepNotFailed.class)
    ResponseEntity<Map<String, Object>> notFailed(RunPageController.StepNotFailed e) {
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
