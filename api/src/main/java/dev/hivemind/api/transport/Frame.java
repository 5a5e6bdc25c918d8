package dev.hivemind.api.transport;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/** One complete message as a transport delivers it: a text frame (UTF-8 JSON) or a binary frame. */
public sealed interface Frame permits Frame.Text, Frame.Binary {

    /** Payload size in bytes as carried on the wire. */
    int size();

    static Frame text(String text) {
        return new Text(text);
    }

    static Frame binary(byte[] data) {
        return new Binary(data);
    }

    /** A text frame. */
    record Text(String text) implements Frame {
        public Text {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public int size() {
            return text.getBytes(StandardCharsets.UTF_8).length;
        }

        @Override
        public String toString() {
            return "Frame.Text[" + text.length() + " chars]";
        }
    }

    /** A binary frame; holds a private copy of the bytes. */
    record Binary(byte[] data) implements Frame {
        public Binary {
            data = Objects.requireNonNull(data, "data").clone();
        }

        /** A copy of the bytes. */
        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public int size() {
            return data.length;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Binary b && Arrays.equals(data, b.data);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "Frame.Binary[" + data.length + " bytes]";
        }
    }
}
