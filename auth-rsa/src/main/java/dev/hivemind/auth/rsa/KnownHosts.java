package dev.hivemind.auth.rsa;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The client's pins of server RSA keys, one text file in the spirit of OpenSSH's {@code known_hosts}:
 * <pre>
 *   # comment
 *   host:port SHA256:&lt;unpadded Base64 of SHA-256(DER SubjectPublicKeyInfo)&gt;
 * </pre>
 * The address is the connection's {@code host:port} (compared case-insensitively; IPv6 as {@code [::1]:5678}).
 * A host may have several lines (key rotation: any of its keys is accepted). Blank lines and lines starting with
 * {@code #} are ignored; any other malformed line makes the whole file unusable (fail closed), naming the line.
 * Every change rewrites the file atomically (temporary file + move, mode 0600). The file is re-read on every
 * lookup, so deleting a line takes effect without a restart. Methods are synchronized per instance; use one
 * instance per file in a process.
 */
public final class KnownHosts {
    private static final String HEADER = "# HiveMind RSA server keys, one \"host:port SHA256:<fingerprint>\" per line."
            + " Delete a host's line to re-pin it.\n";

    private final Path file;

    public KnownHosts(Path file) {
        this.file = file;
    }

    /** The file. */
    public Path file() {
        return file;
    }

    /** One line of the file. */
    public record Pin(String address, String fingerprint, int line) {
    }

    /**
     * The pins of {@code address}, in file order (empty if none).
     *
     * @throws IllegalStateException if the file is malformed (naming file and line)
     * @throws UncheckedIOException  if it cannot be read
     */
    public synchronized List<Pin> lookup(String address) {
        String key = normalize(address);
        List<Pin> out = new ArrayList<>();
        for (Pin p : readAll()) {
            if (p.address().equals(key)) {
                out.add(p);
            }
        }
        return out;
    }

    /**
     * Pins {@code fingerprint} for {@code address} unless the address has pins already.
     *
     * @return the pins in force afterwards: the existing ones (which may differ from {@code fingerprint}) or the new one
     */
    public synchronized List<Pin> pinIfAbsent(String address, String fingerprint) {
        List<Pin> existing = lookup(address);
        if (!existing.isEmpty()) {
            return existing;
        }
        return List.of(add(address, fingerprint));
    }

    /**
     * Adds a pin for {@code address} (for example from a CLI that pre-pins a key for strict mode). Adding a pin
     * that is already present changes nothing.
     */
    public synchronized Pin add(String address, String fingerprint) {
        String key = normalize(address);
        if (!Fingerprints.isWellFormed(fingerprint)) {
            throw new IllegalArgumentException("not a SHA256:<base64> fingerprint");
        }
        for (Pin p : readAll()) {
            if (p.address().equals(key) && p.fingerprint().equals(fingerprint)) {
                return p;
            }
        }
        String current = readText();
        StringBuilder next = new StringBuilder(current.isEmpty() ? HEADER : current);
        if (next.charAt(next.length() - 1) != '\n') {
            next.append('\n');
        }
        next.append(key).append(' ').append(fingerprint).append('\n');
        write(next.toString());
        return new Pin(key, fingerprint, (int) next.chars().filter(c -> c == '\n').count());
    }

    /**
     * Removes every pin of {@code address} (what a user does to accept a server's new key).
     *
     * @return how many lines were removed
     */
    public synchronized int unpin(String address) {
        String key = normalize(address);
        readAll(); // refuse to rewrite a malformed file
        List<String> kept = new ArrayList<>();
        int removed = 0;
        for (String line : readText().split("\n")) {
            String[] parts = line.strip().split("\\s+");
            if (parts.length == 2 && parts[0].toLowerCase(Locale.ROOT).equals(key)) {
                removed++;
            } else {
                kept.add(line);
            }
        }
        if (removed > 0) {
            write(String.join("\n", kept) + "\n");
        }
        return removed;
    }

    private List<Pin> readAll() {
        List<Pin> pins = new ArrayList<>();
        String[] lines = readText().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+");
            if (parts.length != 2 || !Fingerprints.isWellFormed(parts[1]) || !isAddress(parts[0])) {
                throw new IllegalStateException("known hosts file " + file + " line " + (i + 1)
                        + " is malformed (expected \"host:port SHA256:<fingerprint>\"); fix or delete that line");
            }
            pins.add(new Pin(parts[0].toLowerCase(Locale.ROOT), parts[1], i + 1));
        }
        return pins;
    }

    private String readText() {
        try {
            if (Files.size(file) > 1024 * 1024) {
                throw new IllegalStateException("known hosts file " + file + " is larger than 1 MiB");
            }
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return "";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read known hosts file " + file, e);
        }
    }

    private void write(String text) {
        try {
            AtomicFiles.replace(file, text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write known hosts file " + file, e);
        }
    }

    private static String normalize(String address) {
        if (address == null || !isAddress(address)) {
            throw new IllegalArgumentException("a server address is host:port without spaces");
        }
        return address.toLowerCase(Locale.ROOT);
    }

    private static boolean isAddress(String s) {
        int colon = s.lastIndexOf(':');
        if (colon <= 0 || colon == s.length() - 1 || s.startsWith("#")) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i)) || Character.isISOControl(s.charAt(i))) {
                return false;
            }
        }
        for (int i = colon + 1; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
