package io.camelsegment.component.segment.json;

import java.io.IOException;
import java.io.OutputStream;

import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelsegment.component.segment.SegmentValidationException;

/**
 * The two calls into Jackson that walk a route's Java value recursively (converting a POJO to a tree, writing a value
 * as JSON), with every failure as a {@link SegmentValidationException} naming the field: a getter that throws, a null
 * key, nesting beyond Jackson's limit, a lone surrogate, and a value so deep that the walk overflows the thread's stack
 * first (caught here, where it arises, so that no {@code Error} reaches the route; nor does any other Error of the
 * route's value but a VirtualMachineError).
 */
public final class JsonConversion {

    private JsonConversion() {
    }

    /** The value as a Jackson tree. */
    public static JsonNode valueToTree(ObjectMapper mapper, Object value, String field)
            throws SegmentValidationException {
        try {
            return mapper.valueToTree(value);
        } catch (IllegalArgumentException e) {
            throw JsonProblems.writing(field, e);
        } catch (StackOverflowError e) {
            throw JsonProblems.tooDeepForStack(field);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Error e) {
            throw JsonProblems.writing(field, e); // not from a getter (GetterErrors names those): by its class
        }
    }

    /** The value as JSON bytes (UTF-8). */
    public static byte[] writeValueAsBytes(ObjectMapper mapper, Object value, String field)
            throws SegmentValidationException {
        return writeValueAsBytes(mapper, value, field, Integer.MAX_VALUE, null);
    }

    /**
     * The value as JSON bytes (UTF-8), at most {@code maxBytes} of them: writing stops there, so that a Map held many
     * times over in the value (2^n values for n levels) ends at once.
     *
     * @param  limit                      how the error names the limit, e.g. "Segment's limit of 32768 bytes (32 KB)
     *                                    per message"
     * @throws SegmentValidationException when the value cannot be written, or its JSON is longer than maxBytes
     */
    public static byte[] writeValueAsBytes(ObjectMapper mapper, Object value, String field, int maxBytes,
                                           String limit)
            throws SegmentValidationException {
        BoundedBytes out = new BoundedBytes(maxBytes);
        try {
            mapper.writeValue(out, value);
            return out.toByteArray();
        } catch (IOException | IllegalArgumentException e) {
            if (out.exceeded()) {
                throw new SegmentValidationException(field.isEmpty() ? "message" : field,
                        "is more than " + maxBytes + " bytes as sent, over " + limit);
            }
            throw JsonProblems.writing(field, e);
        } catch (StackOverflowError e) {
            throw JsonProblems.tooDeepForStack(join(field, deepestEntry(value)));
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Error e) {
            throw JsonProblems.writing(field, e); // not from a getter (GetterErrors names those): by its class
        }
    }

    /**
     * The error for a value that one of the component's own walks found nested deeper than
     * {@link SegmentJson#MAX_NESTING_DEPTH}: the writer's, which stops at the same depth and names the path there, so
     * that the value is refused alike wherever it is found.
     */
    public static SegmentValidationException tooDeep(ObjectMapper mapper, Object value, String field) {
        try {
            writeValueAsBytes(mapper, value, field);
        } catch (SegmentValidationException e) {
            return e;
        }
        return JsonProblems.tooDeep(field.isEmpty() ? "message" : field); // not reached: the writer has the same limit
    }

    /** Jackson's byte builder behind a stream that refuses to grow past a limit (writing then fails, and says why). */
    private static final class BoundedBytes extends OutputStream {

        private final ByteArrayBuilder bytes = new ByteArrayBuilder();
        private final int maxBytes;
        private int written;
        private boolean exceeded;

        BoundedBytes(int maxBytes) {
            this.maxBytes = maxBytes;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count(len);
            bytes.write(b, off, len);
        }

        @Override
        public void write(int b) {
            count(1);
            bytes.write(b);
        }

        private void count(int len) {
            if (len > maxBytes - written) {
                exceeded = true;
                throw new UncheckedLimit();
            }
            written += len;
        }

        byte[] toByteArray() {
            return bytes.toByteArray();
        }

        boolean exceeded() {
            return exceeded;
        }
    }

    /** Carries the end of a bounded write out through Jackson (stackless). */
    private static final class UncheckedLimit extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        UncheckedLimit() {
            super("output limit reached");
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    /** The key of the first entry of a Map that nests deeper than Jackson's limit; null when none (or not a Map). */
    private static String deepestEntry(Object value) {
        if (value instanceof java.util.Map<?, ?> map) {
            for (java.util.Map.Entry<?, ?> e : map.entrySet()) {
                if (deeperThan(e.getValue(), SegmentJson.MAX_NESTING_DEPTH - 1)) {
                    return String.valueOf(e.getKey());
                }
            }
        }
        return null;
    }

    /** Whether the value nests more than {@code levels} levels; recursion bounded by {@code levels}. */
    private static boolean deeperThan(Object value, int levels) {
        Iterable<?> children = value instanceof java.util.Map<?, ?> map ? map.values()
                : value instanceof Iterable<?> items ? items : null;
        if (children == null) {
            return false;
        }
        if (levels == 0) {
            return true;
        }
        for (Object child : children) {
            if (deeperThan(child, levels - 1)) {
                return true;
            }
        }
        return false;
    }

    private static String join(String field, String key) {
        if (key == null) {
            return field.isEmpty() ? "message" : field;
        }
        return field.isEmpty() ? key : field + "." + key;
    }
}
