package dev.hivemind.transport.websocket;

import dev.hivemind.api.error.CloseCode;
import dev.hivemind.api.transport.Frame;
import dev.hivemind.transport.vertx.StrictUtf8;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketFrameType;
import java.nio.charset.CharacterCodingException;

/**
 * Joins WebSocket data frames (a first TEXT or BINARY frame and its CONTINUATION frames) into one message, refusing
 * a message larger than the limit before appending to it, and text that is not valid UTF-8.
 */
final class MessageAssembler {
    /** Why a message was refused, and the close code for it. */
    static final class Violation extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient CloseCode code;

        Violation(CloseCode code, String reason) {
            super(reason, null, false, false);
            this.code = code;
        }

        CloseCode code() {
            return code;
        }
    }

    private final int maxMessageBytes;
    private WebSocketFrameType messageType;
    private Buffer parts;

    MessageAssembler(int maxMessageBytes) {
        this.maxMessageBytes = maxMessageBytes;
    }

    /**
     * Takes one data frame.
     *
     * @return the complete message, or {@code null} while more frames are needed
     */
    Frame accept(WebSocketFrameType type, boolean fin, Buffer data) throws Violation {
        switch (type) {
            case TEXT, BINARY -> {
                if (messageType != null) {
                    throw new Violation(CloseCode.PROTOCOL_ERROR, "new message inside a fragmented one");
                }
                checkSize(data.length());
                if (fin) {
                    return toFrame(type, data.getBytes());
                }
                messageType = type;
                parts = Buffer.buffer(Math.min(maxMessageBytes, Math.max(256, data.length() * 2)));
                parts.appendBuffer(data);
                return null;
            }
            case CONTINUATION -> {
                if (messageType == null) {
                    throw new Violation(CloseCode.PROTOCOL_ERROR, "continuation without a message");
                }
                checkSize((long) parts.length() + data.length());
                parts.appendBuffer(data);
                if (!fin) {
                    return null;
                }
                WebSocketFrameType t = messageType;
                byte[] bytes = parts.getBytes();
                messageType = null;
                parts = null;
                return toFrame(t, bytes);
            }
            default -> throw new IllegalArgumentException("not a data frame: " + type);
        }
    }

    private void checkSize(long size) throws Violation {
        if (size > maxMessageBytes) {
            messageType = null;
            parts = null;
            throw new Violation(CloseCode.MESSAGE_TOO_BIG, "message too big");
        }
    }

    private static Frame toFrame(WebSocketFrameType type, byte[] bytes) throws Violation {
        if (type == WebSocketFrameType.BINARY) {
            return Frame.binary(bytes);
        }
        try {
            return Frame.text(StrictUtf8.decode(bytes));
        } catch (CharacterCodingException e) {
            throw new Violation(CloseCode.INVALID_PAYLOAD, "invalid UTF-8 in a text message");
        }
    }
}
