package dev.tradewind.platform.idempotency;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Holds the body back in memory, so it can be stored before it reaches the client, while status and
 * headers go straight to the real response (uncommitted, since no body byte has been written).
 * {@code sendError} and {@code sendRedirect} let the container answer instead: such a response is
 * {@linkplain #passedThrough() passed through} and cannot be stored. {@link #passThrough()} turns
 * capturing off and forwards what was held.
 */
final class CapturingResponse extends HttpServletResponseWrapper {
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private boolean capturing = true;
    private boolean passedThrough;
    private ServletOutputStream stream;
    private PrintWriter writer;

    CapturingResponse(HttpServletResponse response) {
        super(response);
    }

    /** True when the response bypassed the buffer (sendError, sendRedirect, or {@link #passThrough()}). */
    boolean passedThrough() {
        return passedThrough;
    }

    /** The body written so far. */
    byte[] body() {
        if (writer != null) {
            writer.flush();
        }
        return buffer.toByteArray();
    }

    /** Stops capturing: what was held goes to the client now, the rest as it is written. */
    void passThrough() throws IOException {
        if (!capturing) {
            return;
        }
        byte[] held = body();
        capturing = false;
        passedThrough = true;
        buffer.reset();
        if (held.length > 0) {
            getResponse().getOutputStream().write(held);
        }
    }

    /** Writes the captured body to the client with its length; the response is then complete. */
    void commit() throws IOException {
        if (!capturing) {
            return;
        }
        byte[] held = body();
        capturing = false;
        getResponse().setContentLength(held.length);
        if (held.length > 0) {
            getResponse().getOutputStream().write(held);
        }
        getResponse().flushBuffer();
    }

    @Override
    public ServletOutputStream getOutputStream() {
        if (writer != null) {
            throw new IllegalStateException("getWriter() has already been called for this response");
        }
        if (stream == null) {
            stream = new Tee();
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() {
        if (stream != null && writer == null) {
            throw new IllegalStateException("getOutputStream() has already been called for this response");
        }
        if (writer == null) {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
            writer = new PrintWriter(new OutputStreamWriter(new Tee(), charset));
        }
        return writer;
    }

    @Override
    public void flushBuffer() throws IOException {
        if (writer != null) {
            writer.flush();
        }
        if (!capturing) {
            super.flushBuffer();
        }
    }

    @Override
    public void setContentLength(int length) {
        if (!capturing) {
            super.setContentLength(length);
        }
    }

    @Override
    public void setContentLengthLong(long length) {
        if (!capturing) {
            super.setContentLengthLong(length);
        }
    }

    @Override
    public void resetBuffer() {
        buffer.reset();
        super.resetBuffer();
    }

    @Override
    public void reset() {
        buffer.reset();
        super.reset();
    }

    @Override
    public void sendError(int status, String message) throws IOException {
        bypass();
        super.sendError(status, message);
    }

    @Override
    public void sendError(int status) throws IOException {
        bypass();
        super.sendError(status);
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        bypass();
        super.sendRedirect(location);
    }

    @Override
    public void sendRedirect(String location, boolean clearBuffer) throws IOException {
        bypass();
        super.sendRedirect(location, clearBuffer);
    }

    @Override
    public void sendRedirect(String location, int status) throws IOException {
        bypass();
        super.sendRedirect(location, status);
    }

    @Override
    public void sendRedirect(String location, int status, boolean clearBuffer) throws IOException {
        bypass();
        super.sendRedirect(location, status, clearBuffer);
    }

    private void bypass() {
        buffer.reset(); // the container renders its own body
        capturing = false;
        passedThrough = true;
    }

    private final class Tee extends ServletOutputStream {
        @Override
        public void write(int b) throws IOException {
            if (capturing) {
                buffer.write(b);
            } else {
                getResponse().getOutputStream().write(b);
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (capturing) {
                buffer.write(bytes, offset, length);
            } else {
                getResponse().getOutputStream().write(bytes, offset, length);
            }
        }

        @Override
        public void flush() throws IOException {
            if (!capturing) {
                getResponse().getOutputStream().flush();
            }
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            throw new UnsupportedOperationException("Non-blocking writes are not supported on idempotent endpoints");
        }
    }
}
