package dev.specsite.incremental;

import java.util.zip.CRC32C;

/**
 * The checksum that ends every file of the build cache: a file is its 4-byte magic number (the
 * kind of file and its format number), its content, then the CRC32C of the content. A file whose
 * checksum does not match is damaged (a flipped bit on disk, a file cut short, one file copied over
 * another) and is not read, so that no damage can give a site other than a clean build's.
 * <p>
 * The magic number is outside the checksum, so that a file of another format (an older tool's, whose
 * last four bytes are no checksum) is told apart from a damaged one: a file whose checksum matches
 * but whose magic number does not is damaged in its magic number.
 */
final class CacheSeal {

    /** The bytes of a magic number, and of a checksum. */
    static final int SIZE = 4;

    /** What the bytes of a file are. */
    enum State {
        /** Of the expected kind and format, undamaged. */
        SOUND,
        /** Of another kind or format (another tool's): not read, and not damage. */
        OTHER_FORMAT,
        /** Of this format, but damaged. */
        DAMAGED
    }

    private CacheSeal() {
    }

    /** Writes the checksum of {@code bytes[SIZE, length - SIZE)} into their last {@value #SIZE} bytes. */
    static byte[] seal(byte[] bytes) {
        int crc = crc(bytes);
        int n = bytes.length;
        bytes[n - 4] = (byte) (crc >>> 24);
        bytes[n - 3] = (byte) (crc >>> 16);
        bytes[n - 2] = (byte) (crc >>> 8);
        bytes[n - 1] = (byte) crc;
        return bytes;
    }

    /** Whether these bytes are a sound file that starts with this magic number. */
    static State check(byte[] bytes, int magic) {
        int n = bytes.length;
        boolean magicMatches = n >= SIZE && int32(bytes, 0) == magic;
        boolean crcMatches = n >= 2 * SIZE && int32(bytes, n - SIZE) == crc(bytes);
        if (crcMatches) {
            return magicMatches ? State.SOUND : State.DAMAGED;
        }
        return magicMatches || n < SIZE ? State.DAMAGED : State.OTHER_FORMAT;
    }

    private static int crc(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, SIZE, bytes.length - 2 * SIZE);
        return (int) crc.getValue();
    }

    private static int int32(byte[] b, int at) {
        return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | b[at + 3] & 0xFF;
    }
}
