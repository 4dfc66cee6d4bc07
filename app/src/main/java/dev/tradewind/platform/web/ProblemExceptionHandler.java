package dev.tradewind.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Renders every exception that leaves a controller as RFC 9457 {@code application/problem+json}
 * with a stable {@code code}. Client mistakes say what to fix; anything unexpected is a generic 500
 * with the request id, logged once with its stack trace and never echoed to the client.
 * Runs last, so a module may still declare a more specific advice.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemExceptionHandler extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Object> handleApiException(ApiException e, WebRequest request) {
        return handleExceptionInternal(e, Problems.of(e), new HttpHeaders(), e.status(), request);
    }

    /** From {@code @Validated} beans: the arguments came from the request, so it is the client's to fix. */
    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> handleConstraintViolation(ConstraintViolationException e, WebRequest request) {
        List<FieldViolation> violations = e.getConstraintViolations().stream()
                .map(v -> new FieldViolation(leaf(v.getPropertyPath()), v.getMessage()))
                .sorted(Comparator.comparing(FieldViolation::field, Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList();
        return handleExceptionInternal(e, Problems.validation(violations), new HttpHeaders(),
                HttpStatus.BAD_REQUEST, request);
    }

    /**
     * Security exceptions from method security belong to Spring Security's ExceptionTranslationFilter
     * (401/403 bodies). Rethrowing the same instance lets it propagate without a log line.
     */
    @ExceptionHandler({AccessDeniedException.class, AuthenticationException.class})
    void handleSecurityException(RuntimeException e) {
        throw e;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleUnexpected(Exception e, WebRequest request) {
        ApiException api = UnreadableBody.find(e, ApiException.class);
        if (api != null) { // e.g. a body limit tripped inside a wrapping exception
            return handleApiException(api, request);
        }
        return handleExceptionInternal(e, null, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(ex, Problems.validation(violations(ex.getBindingResult())), headers,
                HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        for (ParameterValidationResult result : ex.getParameterValidationResults()) {
            String name = parameterName(result.getMethodParameter());
            if (result instanceof ParameterErrors errors) {
                violations.addAll(violations(errors));
                continue;
            }
            String field = result.getContainerIndex() != null ? name + "[" + result.getContainerIndex() + "]"
                    : result.getContainerKey() != null ? name + "[" + result.getContainerKey() + "]" : name;
            for (MessageSourceResolvable error : result.getResolvableErrors()) {
                violations.add(new FieldViolation(field, error.getDefaultMessage()));
            }
        }
        for (MessageSourceResolvable error : ex.getCrossParameterValidationResults()) {
            violations.add(new FieldViolation(null, error.getDefaultMessage()));
        }
        return handleExceptionInternal(ex, Problems.validation(violations), headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        PayloadTooLargeException tooLarge = UnreadableBody.find(ex, PayloadTooLargeException.class);
        if (tooLarge != null) {
            return handleApiException(tooLarge, request);
        }
        UnreadableBody.Explanation why = UnreadableBody.explain(ex);
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, ErrorCodes.MALFORMED_REQUEST, why.detail());
        if (why.violation() != null) {
            problem.setProperty("errors", List.of(why.violation()));
        }
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = ex instanceof MethodArgumentTypeMismatchException arg ? parameterName(arg.getParameter())
                : ex.getPropertyName();
        FieldViolation violation = new FieldViolation(name, "must be " + UnreadableBody.expected(ex.getRequiredType()));
        return handleExceptionInternal(ex, Problems.validation(List.of(violation)), headers, HttpStatus.BAD_REQUEST,
                request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return required(ex, ex.getParameterName(), headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return required(ex, ex.getRequestPartName(), headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingPathVariable(MissingPathVariableException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (status.is5xxServerError()) { // the mapping lacks the variable: our bug, not the client's
            return handleExceptionInternal(ex, null, headers, status, request);
        }
        return required(ex, ex.getVariableName(), headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleServletRequestBindingException(ServletRequestBindingException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (ex instanceof MissingRequestHeaderException header) {
            return required(ex, header.getHeaderName(), headers, request);
        }
        return handleExceptionInternal(ex, ex.getBody(), headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String supported = ex.getSupportedMediaTypes().stream().map(MediaType::toString)
                .collect(Collectors.joining(", "));
        String detail = (ex.getContentType() == null ? "The request has no Content-Type."
                : "Content type '" + ex.getContentType() + "' is not supported.")
                + (supported.isEmpty() ? "" : " Use " + supported + ".");
        return handleExceptionInternal(ex, Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                ErrorCodes.UNSUPPORTED_MEDIA_TYPE, detail), headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(HttpRequestMethodNotSupportedException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String allowed = ex.getSupportedHttpMethods() == null ? "" : ex.getSupportedHttpMethods().stream()
                .map(Object::toString).sorted().collect(Collectors.joining(", "));
        String detail = "Method " + ex.getMethod() + " is not allowed here."
                + (allowed.isEmpty() ? "" : " Allowed: " + allowed + ".");
        return handleExceptionInternal(ex, Problems.of(HttpStatus.METHOD_NOT_ALLOWED, ErrorCodes.METHOD_NOT_ALLOWED,
                detail), headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return notFound(ex, headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleNoHandlerFoundException(NoHandlerFoundException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return notFound(ex, headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(ex, Problems.of(HttpStatus.CONTENT_TOO_LARGE, ErrorCodes.PAYLOAD_TOO_LARGE,
                "The upload exceeds the maximum size."), headers, HttpStatus.CONTENT_TOO_LARGE, request);
    }

    /**
     * Every path ends here: gives the body a code (Spring's own problems have none), hides the detail
     * of any 5xx, logs it, and pins the content type so an {@code Accept: text/html} client still
     * gets problem+json rather than a 406 without body.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        HttpStatus status = HttpStatus.resolve(statusCode.value());
        if (status == null) {
            status = statusCode.is4xxClientError() ? HttpStatus.BAD_REQUEST : HttpStatus.INTERNAL_SERVER_ERROR;
        }
        ProblemDetail problem;
        if (status.is5xxServerError()) {
            problem = serverError(ex, status, body, request);
        } else if (body instanceof ProblemDetail detail && detail.getProperties() != null
                && detail.getProperties().containsKey("code")) {
            problem = detail;
        } else {
            String detail = body instanceof ProblemDetail spring && spring.getDetail() != null ? spring.getDetail()
                    : status.getReasonPhrase() + ".";
            problem = Problems.of(status, ErrorCodes.forStatus(status.value()), detail);
        }
        HttpHeaders out = new HttpHeaders();
        headers.forEach(out::addAll);
        out.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return super.handleExceptionInternal(ex, problem, out, status, request);
    }

    private ProblemDetail serverError(Exception ex, HttpStatus status, Object body, WebRequest request) {
        if (body instanceof ProblemDetail own && own.getProperties() != null && own.getProperties().containsKey("code")
                && ex instanceof ApiException) {
            log.warn("{} {} answered {}: {}", method(request), path(request), status.value(), own.getDetail());
            return own; // a deliberate 5xx (e.g. SERVICE_UNAVAILABLE) whose detail was written for clients
        }
        if (status == HttpStatus.INTERNAL_SERVER_ERROR) {
            log.error("Unexpected error on {} {}", method(request), path(request), ex);
        } else {
            log.warn("{} {} answered {}: {}", method(request), path(request), status.value(), ex.toString());
        }
        String requestId = MDC.get(RequestIdFilter.MDC_KEY);
        String detail = status == HttpStatus.INTERNAL_SERVER_ERROR
                ? "An unexpected error occurred." + (requestId == null ? ""
                        : " Quote request id " + requestId + " when you report it.")
                : status.getReasonPhrase() + ".";
        return Problems.of(status, ErrorCodes.forStatus(status.value()), detail);
    }

    private ResponseEntity<Object> required(Exception ex, String name, HttpHeaders headers, WebRequest request) {
        return handleExceptionInternal(ex, Problems.validation(List.of(new FieldViolation(name, "is required"))),
                headers, HttpStatus.BAD_REQUEST, request);
    }

    private ResponseEntity<Object> notFound(Exception ex, HttpHeaders headers, WebRequest request) {
        return handleExceptionInternal(ex, Problems.of(HttpStatus.NOT_FOUND, ErrorCodes.NOT_FOUND,
                "No endpoint " + method(request) + " " + path(request) + "."), headers, HttpStatus.NOT_FOUND, request);
    }

    private static List<FieldViolation> violations(Errors errors) {
        List<FieldViolation> out = new ArrayList<>();
        for (FieldError error : errors.getFieldErrors()) {
            out.add(new FieldViolation(error.getField(), error.getDefaultMessage()));
        }
        for (ObjectError error : errors.getGlobalErrors()) {
            out.add(new FieldViolation(null, error.getDefaultMessage()));
        }
        return out;
    }

    /** The name the client used: {@code @RequestParam("page-size")} rather than the Java parameter name. */
    private static String parameterName(MethodParameter parameter) {
        if (parameter == null) {
            return null;
        }
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        if (param != null && !param.name().isEmpty()) {
            return param.name();
        }
        PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
        if (path != null && !path.name().isEmpty()) {
            return path.name();
        }
        RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
        if (header != null && !header.name().isEmpty()) {
            return header.name();
        }
        return parameter.getParameterName();
    }

    private static String leaf(Path path) {
        String name = null;
        for (Path.Node node : path) {
            if (node.getName() != null) {
                name = node.getName();
            }
        }
        return name;
    }

    private static String method(WebRequest request) {
        HttpServletRequest servlet = servlet(request);
        return servlet == null ? "?" : servlet.getMethod();
    }

    private static String path(WebRequest request) {
        HttpServletRequest servlet = servlet(request);
        return servlet == null ? "?" : servlet.getRequestURI();
    }

    private static HttpServletRequest servlet(WebRequest request) {
        return request instanceof NativeWebRequest nativeRequest
                ? nativeRequest.getNativeRequest(HttpServletRequest.class) : null;
    }
}
