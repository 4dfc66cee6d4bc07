package dev.tradewind.marketdata.venue;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal RFC 6455 WebSocket server over {@link ServerSocket} for feed tests: each accepted
 * connection runs a {@link Script} that can read the client's text frames, send text frames, go
 * silent (optionally ignoring pings), and drop the TCP connection without a close frame.
 */
final class LocalWebSocketServer implements AutoCloseable {
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    /** What the server does with connection number {@code index} (1-based). */
    @FunctionalInterface
    interface Script {
        void run(Connection connection) throws Exception;
    }

    private final ServerSocket server;
    private final Script script;
    private final AtomicInteger connections = new AtomicInteger();
    private final List<Connection> open = new CopyOnWriteArrayList<>();
    private final List<Throwable> scriptErrors = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    LocalWebSocketServer(Script script) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.script = script;
        this.acceptor = Thread.ofPlatform().daemon().name("ws-test-accept").start(this::acceptLoop);
    }

    URI uri(String path) {
        return URI.create("ws://127.0.0.1:" + server.getLocalPort() + path);
    }

    int connections() {
        return connections.get();
    }

    List<Throwable> scriptErrors() {
        return scriptErrors;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                int index = connections.incrementAndGet();
                Thread.ofPlatform().daemon().name("ws-test-conn-" + index).start(() -> serve(socket, index));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket, int index) {
        try (socket) {
            handshake(socket);
            Connection c = new Connection(socket, index);
            open.add(c);
            Thread.ofPlatform().daemon().name("ws-test-read-" + index).start(c::readLoop);
            script.run(c);
        } catch (Exception e) {
            if (!server.isClosed()) {
                scriptErrors.add(e);
            }
        }
    }

    private static void handshake(Socket socket) throws IOException, NoSuchAlgorithmException {
        InputStream in = socket.getInputStream();
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                String l = line.toString().strip();
                if (l.isEmpty()) {
                    break;
                }
                lines.add(l);
                line.setLength(0);
            } else {
                line.append((char) b);
            }
        }
        String key = lines.stream().filter(l -> l.toLowerCase().startsWith("sec-websocket-key:"))
                .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst()
                .orElseThrow(() -> new IOException("no Sec-WebSocket-Key in " + lines));
        String accept = Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.US_ASCII)));
        String response = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n";
        socket.getOutputStream().write(response.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Connection c : open) {
            c.drop();
        }
        acceptor.interrupt();
    }

    /** One accepted client connection. */
    static final class Connection {
        final int index;
        private final Socket socket;
        private final OutputStream out;
        private final BlockingQueue<String> texts = new LinkedBlockingQueue<>();
        /** When false, pings from the client get no pong (a dead peer). */
        volatile boolean answerPings = true;

        Connection(Socket socket, int index) throws IOException {
            this.socket = socket;
            this.index = index;
            this.out = socket.getOutputStream();
        }

        /** The next text frame from the client, or an exception after {@code seconds}. */
        String readText(long seconds) throws InterruptedException {
            String text = texts.poll(seconds, TimeUnit.SECONDS);
            if (text == null) {
                throw new AssertionError("no text frame from the client within " + seconds + " s on connection " + index);
            }
            return text;
        }

        void sendText(String text) throws IOException {
            sendFrame(0x1, text.getBytes(StandardCharsets.UTF_8));
        }

        /** Closes the TCP connection without a close frame (a crash or network drop). */
        void drop() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already closed
            }
        }

        /** Keeps the connection open and silent until the client goes away. */
        void stayOpenSilently() throws InterruptedException {
            while (!socket.isClosed()) {
                Thread.sleep(10);
            }
        }

        boolean isClosed() {
            return socket.isClosed();
        }

        private synchronized void sendFrame(int opcode, byte[] payload) throws IOException {
            ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 10);
            frame.write(0x80 | opcode);
            if (payload.length < 126) {
                frame.write(payload.length);
            } else if (payload.length < 65_536) {
                frame.write(126);
                frame.write(payload.length >>> 8);
                frame.write(payload.length & 0xFF);
            } else {
                frame.write(127);
                for (int shift = 56; shift >= 0; shift -= 8) {
                    frame.write((int) ((long) payload.length >>> shift) & 0xFF);
                }
            }
            frame.write(payload);
            out.write(frame.toByteArray());
            out.flush();
        }

        private void readLoop() {
            try {
                InputStream in = socket.getInputStream();
                ByteArrayOutputStream message = new ByteArrayOutputStream();
                while (true) {
                    int b0 = readByte(in);
                    int b1 = readByte(in);
                    boolean fin = (b0 & 0x80) != 0;
                    int opcode = b0 & 0x0F;
                    long len = b1 & 0x7F;
                    if (len == 126) {
                        len = (readByte(in) << 8) | readByte(in);
                    } else if (len == 127) {
                        len = 0;
                        for (int i = 0; i < 8; i++) {
                            len = (len << 8) | readByte(in);
                        }
                    }
                    byte[] mask = new byte[4];
                    if ((b1 & 0x80) != 0) {
                        for (int i = 0; i < 4; i++) {
                            mask[i] = (byte) readByte(in);
                        }
                    }
                    byte[] payload = in.readNBytes((int) len);
                    for (int i = 0; i < payload.length; i++) {
                        payload[i] ^= mask[i & 3];
                    }
                    switch (opcode) {
                        case 0x0, 0x1 -> {
                            message.write(payload);
                            if (fin) {
                                texts.add(message.toString(StandardCharsets.UTF_8));
                                message.reset();
                            }
                        }
                        case 0x8 -> {
                            sendFrame(0x8, payload);
                            drop();
                            return;
                        }
                        case 0x9 -> {
                            if (answerPings) {
                                sendFrame(0xA, payload);
                            }
                        }
                        default -> {
                        }
                    }
                }
            } catch (IOException e) {
                drop();
            }
        }

        private static int readByte(InputStream in) throws IOException {
            int b = in.read();
            if (b < 0) {
                throw new EOFException();
            }
            return b;
        }
    }
}
