package dev.tradewind.platform.idempotency;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/** The POST paths that honour {@code Idempotency-Key} ({@code tradewind.idempotency.paths}). */
final class IdempotentPaths {
    private final List<PathPattern> patterns;

    IdempotentPaths(List<String> paths) {
        this.patterns = paths.stream().map(PathPatternParser.defaultInstance::parse).toList();
    }

    boolean matches(HttpServletRequest request) {
        return matches(request.getRequestURI().substring(request.getContextPath().length()));
    }

    boolean matches(String path) {
        PathContainer container = PathContainer.parsePath(path);
        for (PathPattern pattern : patterns) {
            if (pattern.matches(container)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return patterns.toString();
    }
}
