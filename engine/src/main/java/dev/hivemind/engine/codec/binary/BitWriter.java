package dev.hivemind.engine.codec.binary;

/** Writes bits MSB-first into a byte array of known size. */
final class BitWriter {
    private final byte[] buf;
    private long pos;

    BitWriter(int bytes) {
        this.buf = new byte[bytes];
    }

    void skip(int bits) {
        pos += bits;
    }

    void bit(boolean one) {
        if (one) {
            buf[(int) (pos >>> 3)] |= (byte) (0x80 >>> (pos & 7));
        }
        pos++;
    }

    /** Writes the low {@code count} bits of {@code value}, most significant first. */
    void bits(int value, int count) {
        for (int i = count - 1; i >= 0; i--) {
            bit(((value >>> i) & 1) != 0);
        }
    }

    void bytes(byte[] data) {
        if ((pos & 7) == 0) {
            System.arraycopy(data, 0, buf, (int) (pos >>> 3), data.length);
            pos += 8L * data.length;
            return;
        }
        for (byte b : data) {
            bits(b & 0xFF, 8);
        }
    }

    byte[] toByteArray() {
        if (pos != 8L * buf.length) {
            throw new IllegalStateException("wrote " + pos + " bits into " + buf.length + " bytes");
        }
        return buf;
    }
}
