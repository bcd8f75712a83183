package io.camelsegment.benchmarks.sink;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A strict JSON (RFC 8259) scanner over a byte array that checks the syntax and builds nothing: the receiver's reader
 * of request bodies, where it only needs the messageId and type of each message and must refuse what Segment would
 * refuse. A JSON parser turns every field name of every nested object into a String (or looks it up in a symbol
 * table) on the way; this scanner steps over nested values byte by byte. On the benchmark's events that is about a
 * third of the CPU a Jackson streaming parser needs, and the sink shares the machine's cores with the drivers it
 * measures. {@code JsonScannerTest} holds it to Jackson's verdict on valid and invalid documents.
 * <p>
 * Not thread-safe: one per handler thread, reset per body.
 */
final class JsonScanner {

    /** Deepest nesting accepted, as Jackson's default StreamReadConstraints. */
    static final int MAX_DEPTH = 1000;

    /** Bytes that end a run of plain characters in a string: quote, backslash, control characters, non-ASCII. */
    private static final boolean[] SPECIAL_IN_STRING = new boolean[256];

    static {
        for (int b = 0; b < 256; b++) {
            SPECIAL_IN_STRING[b] = b == '"' || b == '\\' || b < 0x20 || b >= 0x80;
        }
    }

    private final byte[] open = new byte[MAX_DEPTH]; // the objects and arrays skipValue is inside: '{' or '['
    private byte[] bytes;
    private int pos;
    private int end;
    // The last string scanned: its content lies between stringStart and stringEnd (exclusive, quotes excluded).
    private int stringStart;
    private int stringEnd;
    private boolean stringIsPlainAscii;

    void reset(byte[] body, int length) {
        this.bytes = body;
        this.pos = 0;
        this.end = length;
    }

    /** Skips whitespace and returns the next byte without consuming it, or -1 at the end. */
    int peek() {
        while (pos < end) {
            byte b = bytes[pos];
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return b;
            }
            pos++;
        }
        return -1;
    }

    /** Consumes {@code c} after optional whitespace. */
    void expect(char c) throws IOException {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    /** Consumes {@code c} after optional whitespace if it is next. */
    boolean consume(char c) {
        if (peek() == c) {
            pos++;
            return true;
        }
        return false;
    }

    /** After the document: only whitespace may follow. */
    void expectEnd() throws IOException {
        if (peek() != -1) {
            throw error("trailing content");
        }
    }

    /** Scans a string (after optional whitespace); its content is then available through the string* methods. */
    void scanString() throws IOException {
        expect('"');
        stringStart = pos;
        boolean plain = true;
        while (true) {
            while (pos < end && !SPECIAL_IN_STRING[bytes[pos] & 0xFF]) {
                pos++; // the common case, one table look-up per byte
            }
            if (pos >= end) {
                throw error("unterminated string");
            }
            int b = bytes[pos] & 0xFF;
            if (b == '"') {
                break;
            }
            if (b < 0x20) {
                throw error("unescaped control character in a string");
            }
            if (b == '\\') {
                plain = false;
                pos = escapeEnd(pos + 1);
            } else { // >= 0x80
                plain = false;
                pos = utf8End(pos, b);
            }
        }
        stringEnd = pos;
        stringIsPlainAscii = plain;
        pos++;
    }

    /** Whether the last string scanned is {@code text} (escapes resolved). */
    boolean stringEquals(String text) {
        if (!stringIsPlainAscii) {
            return text.equals(decodeString());
        }
        int length = stringEnd - stringStart;
        if (length != text.length()) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (bytes[stringStart + i] != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Copies the last string scanned into {@code target} when it is ASCII without escapes and exactly as long as
     * {@code target}, so its bytes are its characters: no String for it. Returns whether it did.
     */
    boolean copyPlainString(char[] target) {
        int length = stringEnd - stringStart;
        if (!stringIsPlainAscii || length != target.length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            target[i] = (char) bytes[stringStart + i];
        }
        return true;
    }

    /** The last string scanned, escapes resolved. */
    String decodeString() {
        if (stringIsPlainAscii) {
            return new String(bytes, stringStart, stringEnd - stringStart, StandardCharsets.US_ASCII);
        }
        StringBuilder text = new StringBuilder(stringEnd - stringStart);
        int i = stringStart;
        while (i < stringEnd) {
            int run = i;
            while (i < stringEnd && bytes[i] != '\\') {
                i++;
            }
            text.append(new String(bytes, run, i - run, StandardCharsets.UTF_8));
            if (i < stringEnd) {
                char c = (char) bytes[i + 1];
                switch (c) {
                    case 'b' -> text.append('\b');
                    case 'f' -> text.append('\f');
                    case 'n' -> text.append('\n');
                    case 'r' -> text.append('\r');
                    case 't' -> text.append('\t');
                    case 'u' -> text.append((char) Integer.parseInt(new String(bytes, i + 2, 4,
                            StandardCharsets.US_ASCII), 16));
                    default -> text.append(c); // " \ /
                }
                i += c == 'u' ? 6 : 2;
            }
        }
        return text.toString();
    }

    /** Reads one value, an object member's or an array item's, consuming it. */
    @FunctionalInterface
    interface ValueReader {
        void read() throws IOException;
    }

    /**
     * Reads an object (after optional whitespace): for each member, scans its name (then available through the
     * string* methods) and has {@code member} read the value.
     */
    void readObject(ValueReader member) throws IOException {
        expect('{');
        if (consume('}')) {
            return;
        }
        do {
            scanString();
            expect(':');
            member.read();
        } while (consume(','));
        expect('}');
    }

    /** Reads an array (after optional whitespace), having {@code item} read each item. */
    void readArray(ValueReader item) throws IOException {
        expect('[');
        if (consume(']')) {
            return;
        }
        do {
            item.read();
        } while (consume(','));
        expect(']');
    }

    /**
     * Skips one value of any kind (after optional whitespace), checking its syntax. Iterative, with the open objects
     * and arrays on a stack of its own: a document nested {@value #MAX_DEPTH} deep must not depend on the thread's
     * stack size (recursion overflowed the default one there).
     */
    void skipValue() throws IOException {
        int depth = 0;
        while (true) {
            int b = peek();
            if (b == '{' || b == '[') {
                if (depth >= MAX_DEPTH) {
                    throw error("nested deeper than " + MAX_DEPTH);
                }
                pos++;
                if (!consume(b == '{' ? '}' : ']')) {
                    open[depth++] = (byte) b;
                    if (b == '{') {
                        memberName();
                    }
                    continue; // the first value inside
                }
            } else {
                skipScalar(b);
            }
            // A value ended: close what ends with it, then go on with the next member or item, if any.
            while (true) {
                if (depth == 0) {
                    return;
                }
                boolean inObject = open[depth - 1] == '{';
                if (consume(',')) {
                    if (inObject) {
                        memberName();
                    }
                    break;
                }
                expect(inObject ? '}' : ']');
                depth--;
            }
        }
    }

    private void memberName() throws IOException {
        scanString();
        expect(':');
    }

    private void skipScalar(int b) throws IOException {
        switch (b) {
            case '"' -> scanString();
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> {
                if (b == '-' || b >= '0' && b <= '9') {
                    number();
                } else {
                    throw error(b == -1 ? "missing value" : "unexpected character");
                }
            }
        }
    }

    private void literal(String word) throws IOException {
        if (pos + word.length() > end) {
            throw error("truncated literal");
        }
        for (int i = 0; i < word.length(); i++) {
            if (bytes[pos + i] != word.charAt(i)) {
                throw error("invalid literal");
            }
        }
        pos += word.length();
        requireDelimiter();
    }

    /** {@code -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?} */
    private void number() throws IOException {
        if (bytes[pos] == '-') {
            pos++;
        }
        if (pos < end && bytes[pos] == '0') {
            pos++;
        } else if (digits() == 0) {
            throw error("invalid number");
        }
        if (pos < end && bytes[pos] == '.') {
            pos++;
            if (digits() == 0) {
                throw error("invalid number");
            }
        }
        if (pos < end && (bytes[pos] == 'e' || bytes[pos] == 'E')) {
            pos++;
            if (pos < end && (bytes[pos] == '+' || bytes[pos] == '-')) {
                pos++;
            }
            if (digits() == 0) {
                throw error("invalid number");
            }
        }
        requireDelimiter();
    }

    private int digits() {
        int start = pos;
        while (pos < end && bytes[pos] >= '0' && bytes[pos] <= '9') {
            pos++;
        }
        return pos - start;
    }

    /** A number or literal must end at a structural character, whitespace or the end (not "01", "truex"). */
    private void requireDelimiter() throws IOException {
        if (pos < end) {
            byte b = bytes[pos];
            if (b != ',' && b != '}' && b != ']' && b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                throw error("unexpected character after a value");
            }
        }
    }

    /** The position after the escape sequence whose character (after the backslash) is at {@code at}. */
    private int escapeEnd(int at) throws IOException {
        if (at >= end) {
            throw error("unterminated string");
        }
        switch (bytes[at]) {
            case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> {
                return at + 1;
            }
            case 'u' -> {
                if (at + 5 > end) {
                    throw error("truncated \\u escape");
                }
                for (int i = at + 1; i <= at + 4; i++) {
                    if (Character.digit(bytes[i], 16) < 0) {
                        throw error("invalid \\u escape");
                    }
                }
                return at + 5;
            }
            default -> throw error("invalid escape");
        }
    }

    /** The position after the UTF-8 sequence that starts with {@code lead} at {@code at}. */
    private int utf8End(int at, int lead) throws IOException {
        int continuation;
        if (lead >= 0xC2 && lead <= 0xDF) {
            continuation = 1;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            continuation = 2;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            continuation = 3;
        } else {
            throw error("invalid UTF-8");
        }
        if (at + continuation >= end) {
            throw error("truncated UTF-8");
        }
        for (int i = at + 1; i <= at + continuation; i++) {
            if ((bytes[i] & 0xC0) != 0x80) {
                throw error("invalid UTF-8");
            }
        }
        return at + continuation + 1;
    }

    private IOException error(String what) {
        return new IOException("invalid JSON at byte " + pos + ": " + what);
    }
}
