package dev.tradewind.platform.idempotency;

import dev.tradewind.platform.web.ErrorCodes;
import dev.tradewind.platform.web.FieldViolation;
import dev.tradewind.platform.web.ProblemWriter;
import dev.tradewind.platform.web.Problems;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Idempotency-Key} on the POST paths of {@code tradewind.idempotency.paths} (semantics in
 * {@code docs/idempotency.md}). Registered after security and the rate limiter, so the caller is
 * known and refused requests never claim a key. Without the header a request runs as usual.
 * <ul>
 * <li>The first request with a key claims it, runs, and its response (status, content type,
 * {@code replayed-headers}, body) is stored before it is sent.</li>
 * <li>The same key with the same body replays that response byte for byte, with
 * {@code Idempotency-Replayed: true}; the handler does not run again.</li>
 * <li>The same key with another body is 409 {@code IDEMPOTENCY_CONFLICT}; so is a duplicate that
 * arrives while the first is still running (with {@code Retry-After: 1}): it does not wait.</li>
 * <li>A 5xx, an exception, or a response the container renders itself ({@code sendError}) releases
 * the key, so a retry runs again; 2xx–4xx responses are stored.</li>
 * </ul>
 */
final class IdempotencyFilter extends OncePerRequestFilter {
    static final String KEY_HEADER = "Idempotency-Key";
    static final String REPLAYED_HEADER = "Idempotency-Replayed";
    static final String METRIC = "tradewind.idempotency.requests";
    /** Printable ASCII (space to tilde), 1 to 128 characters. */
    private static final Pattern VALID_KEY = Pattern.compile("[\\x20-\\x7E]{1,128}");
    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

    private final IdempotentPaths paths;
    private final IdempotencyStore store;
    private final ProblemWriter problems;
    private final List<String> replayedHeaders;
    private final MeterRegistry registry;

    IdempotencyFilter(IdempotentPaths paths, IdempotencyStore store, ProblemWriter problems,
            List<String> replayedHeaders, MeterRegistry registry) {
        this.paths = paths;
        this.store = store;
        this.problems = problems;
        this.replayedHeaders = List.copyOf(replayedHeaders);
        this.registry = registry;
    }

    static boolean validKey(String key) {
        return key != null && VALID_KEY.matcher(key).matches();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !paths.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<String> keys = Collections.list(request.getHeaders(KEY_HEADER));
        if (keys.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        if (keys.size() > 1 || !validKey(keys.getFirst())) {
            count("invalid");
            problems.write(response, Problems.validation(List.of(new FieldViolation(KEY_HEADER,
                    keys.size() > 1 ? "must be sent once" : "must be 1 to 128 printable ASCII characters"))));
            return;
        }
        byte[] body = request.getInputStream().readAllBytes(); // bounded by the body size limit, which runs first
        RequestKey key = new RequestKey(scope(request), request.getMethod(), request.getRequestURI(), keys.getFirst());
        Claim claim;
        try {
            claim = store.claim(key, RequestKey.hash(body));
        } catch (DataAccessException e) {
            // fail closed: running the request without the guarantee could execute it twice
            log.error("Idempotency store unavailable; refusing {} {} with an Idempotency-Key", request.getMethod(),
                    request.getRequestURI(), e);
            count("unavailable");
            problems.write(response, Problems.of(HttpStatus.SERVICE_UNAVAILABLE, ErrorCodes.SERVICE_UNAVAILABLE,
                    "Idempotency keys cannot be checked right now; retry later with the same key."));
            return;
        }
        switch (claim) {
            case Claim.Acquired acquired -> execute(request, response, chain, body, key, acquired.token());
            case Claim.Replay replay -> replay(response, replay.response());
            case Claim.Mismatch _ -> {
                count("conflict");
                problems.write(response, Problems.of(HttpStatus.CONFLICT, ErrorCodes.IDEMPOTENCY_CONFLICT,
                        "This Idempotency-Key was already used with a different request body; "
                                + "send a new key for a new request."));
            }
            case Claim.InProgress _ -> {
                count("in_progress");
                response.setHeader(HttpHeaders.RETRY_AFTER, "1");
                problems.write(response, Problems.of(HttpStatus.CONFLICT, ErrorCodes.IDEMPOTENCY_CONFLICT,
                        "A request with this Idempotency-Key is still in progress; "
                                + "retry shortly with the same key to get its response."));
            }
        }
    }

    private void execute(HttpServletRequest request, HttpServletResponse response, FilterChain chain, byte[] body,
            RequestKey key, UUID token) throws ServletException, IOException {
        CapturingResponse capture = new CapturingResponse(response);
        try {
            chain.doFilter(new CachedBodyRequest(request, body), capture);
        } catch (ServletException | IOException | RuntimeException | Error e) {
            release(key, token, e);
            throw e;
        }
        if (request.isAsyncStarted()) {
            log.warn("{} {} went asynchronous, which idempotency cannot store; its key is released",
                    request.getMethod(), request.getRequestURI());
            release(key, token, null);
            capture.passThrough();
            return;
        }
        int status = capture.getStatus();
        if (capture.passedThrough() || status >= 500) {
            release(key, token, null);
            capture.passThrough();
            return;
        }
        StoredResponse stored = new StoredResponse(status, capture.getContentType(), headers(capture), capture.body());
        try {
            if (!store.complete(key, token, stored)) {
                log.warn("Idempotency key of {} {} was taken over or purged before its response was stored",
                        request.getMethod(), request.getRequestURI());
            }
        } catch (DataAccessException e) {
            // the request ran: keep the claim (it stays "in progress" until in-progress-timeout) rather than
            // risk a second execution, and still answer the client
            log.error("Could not store the response of {} {} for its Idempotency-Key", request.getMethod(),
                    request.getRequestURI(), e);
        }
        count("executed");
        capture.commit();
    }

    private void replay(HttpServletResponse response, StoredResponse stored) throws IOException {
        count("replayed");
        response.setStatus(stored.status());
        if (stored.contentType() != null) {
            response.setContentType(stored.contentType());
        }
        stored.headers().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        response.setHeader(REPLAYED_HEADER, "true");
        response.setContentLength(stored.body().length);
        response.getOutputStream().write(stored.body());
        response.flushBuffer();
    }

    private void release(RequestKey key, UUID token, Throwable failure) {
        count("released");
        try {
            store.release(key, token);
        } catch (DataAccessException e) {
            if (failure != null) {
                failure.addSuppressed(e);
            } else {
                log.error("Could not release an Idempotency-Key after a failed request; retries get 409 until "
                        + "tradewind.idempotency.in-progress-timeout passes", e);
            }
        }
    }

    private Map<String, List<String>> headers(HttpServletResponse response) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : replayedHeaders) {
            List<String> values = new ArrayList<>(response.getHeaders(name));
            if (!values.isEmpty()) {
                headers.put(name, values);
            }
        }
        return headers;
    }

    /** The authenticated user, else the client address. */
    static String scope(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)) {
            return "user:" + authentication.getName();
        }
        return "ip:" + request.getRemoteAddr();
    }

    private void count(String outcome) {
        Counter.builder(METRIC).description("Requests with an Idempotency-Key, by outcome")
                .tag("outcome", outcome).register(registry).increment();
    }
}
