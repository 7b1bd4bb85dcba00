package dev.napijava.cli.pack;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/**
 * An npm package tarball: gzipped ustar with every entry under {@code package/}, as {@code npm pack}
 * writes it. Entries are files only (npm makes the folders), mode 0644, a fixed time, so the same
 * inputs give the same bytes.
 */
final class NpmTarball implements AutoCloseable {
    /** 1985-10-26, npm pack's fixed mtime. */
    private static final long MTIME = 499162500L;
    private final GZIPOutputStream out;

    NpmTarball(OutputStream target) throws IOException {
        this.out = new GZIPOutputStream(target);
    }

    void add(String path, byte[] content) throws IOException {
        String name = "package/" + path;
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        byte[] header = new byte[512];
        String prefix = "";
        String rest = name;
        if (nameBytes.length > 100) { // ustar: a prefix of up to 155 bytes, split at a '/'
            int slash = name.lastIndexOf('/', 155);
            if (slash <= 0 || name.length() - slash - 1 > 100) {
                throw new IOException("path too long for a tar entry: " + path);
            }
            prefix = name.substring(0, slash);
            rest = name.substring(slash + 1);
        }
        put(header, 0, rest, 100);
        put(header, 100, "0000644", 8);
        put(header, 108, "0000000", 8);
        put(header, 116, "0000000", 8);
        put(header, 124, String.format("%011o", content.length), 12);
        put(header, 136, String.format("%011o", MTIME), 12);
        for (int i = 148; i < 156; i++) {
            header[i] = ' ';
        }
        header[156] = '0';
        put(header, 257, "ustar", 6);
        put(header, 263, "00", 2);
        put(header, 345, prefix, 155);
        int sum = 0;
        for (byte b : header) {
            sum += b & 0xff;
        }
        put(header, 148, String.format("%06o", sum), 7);
        header[155] = ' ';
        out.write(header);
        out.write(content);
        int pad = (512 - content.length % 512) % 512;
        out.write(new byte[pad]);
    }

    private static void put(byte[] header, int at, String value, int max) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > max) {
            throw new IOException("tar header field too long: " + value);
        }
        System.arraycopy(bytes, 0, header, at, bytes.length);
    }

    @Override
    public void close() throws IOException {
        out.write(new byte[1024]); // two zero blocks end the archive
        out.close();
    }
}
