package io.camelsegment.component.segment.json;

import java.util.List;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.camelsegment.component.segment.SegmentValidationException;

/**
 * Turns what Jackson throws while reading or writing a route's value into a {@link SegmentValidationException} that
 * names the field (as a path: {@code properties.cart.items[2].name}) and the rule. Never quotes values: a value may be a
 * secret (an unquoted write key is an "unrecognized token").
 */
public final class JsonProblems {

    /** Paths longer than this many steps (a Map that contains itself) are shortened in messages. */
    private static final int MAX_PATH_STEPS = 8;

    private JsonProblems() {
    }

    /** A failure to read JSON text. */
    public static SegmentValidationException reading(String field, JsonProcessingException e) {
        if (e instanceof StreamConstraintsException) {
            return new SegmentValidationException(field, "exceeds a limit of Jackson, the JSON parser: "
                                                         + e.getOriginalMessage());
        }
        if (e instanceof MismatchedInputException && String.valueOf(e.getOriginalMessage()).startsWith("Trailing")) {
            return new SegmentValidationException(field, "has content after the end of its JSON value" + position(e)
                                                         + ": one JSON document per body, nothing after it");
        }
        String message = String.valueOf(e.getOriginalMessage());
        if (message.startsWith("Duplicate field") && e.getProcessor() instanceof JsonParser parser) {
            return new SegmentValidationException(join(field, path(parser.getParsingContext())),
                    "appears twice in the same JSON object" + position(e) + ": duplicate keys are refused (readers "
                                                              + "disagree on which value counts)");
        }
        return new SegmentValidationException(field, "is not valid JSON" + position(e));
    }

    /**
     * A failure to turn a Java value into JSON (serializing it, or converting a POJO): too deep, a null key, a getter
     * that threw, a lone surrogate, a number that is not finite.
     */
    public static SegmentValidationException writing(String field, Throwable e) {
        Throwable cause = e instanceof IllegalArgumentException && e.getCause() != null ? e.getCause() : e;
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof RefusedValueException) {
                cause = t; // wrapped by the serializer of an enclosing Map: the pointer says where it is
                break;
            }
        }
        if (cause instanceof RefusedValueException refused) {
            return new SegmentValidationException(join(field, pointerPath(refused.getPointer())),
                    refused.getOriginalMessage());
        }
        if (cause instanceof StreamConstraintsException) {
            // a JsonNode written as it is: its serializer adds no path
            return tooDeep(join(field, ""));
        }
        if (!(cause instanceof JsonMappingException mapping)) {
            return new SegmentValidationException(field, "could not be written as JSON: "
                                                         + cause.getClass().getSimpleName());
        }
        String path = path(mapping.getPath());
        Throwable root = mapping.getCause();
        String original = String.valueOf(mapping.getOriginalMessage());
        if (root instanceof StreamConstraintsException || original.contains("nesting depth")) {
            return tooDeep(join(field, path));
        }
        if (original.startsWith("Null key")) {
            return new SegmentValidationException(join(field, path), "is an object with a null key: JSON object keys "
                                                                     + "must be strings");
        }
        if (original.contains("self-reference")) {
            return new SegmentValidationException(join(field, path), "refers to itself: a value that contains "
                                                                     + "itself cannot be written as JSON");
        }
        if (root != null && !(root instanceof JsonProcessingException)) {
            Throwable thrown = root instanceof GetterErrors.GetterError ? root.getCause() : root;
            return new SegmentValidationException(join(field, path), "could not be read: its getter threw "
                                                                     + thrown.getClass().getName());
        }
        return new SegmentValidationException(join(field, path), "could not be written as JSON: " + original);
    }

    /** A value nested deeper than {@link SegmentJson#MAX_NESTING_DEPTH}, the writer's limit (StreamWriteConstraints). */
    public static SegmentValidationException tooDeep(String field) {
        return new SegmentValidationException(field, "nests deeper than " + SegmentJson.MAX_NESTING_DEPTH
                                                     + " levels (Jackson's StreamWriteConstraints maxNestingDepth; a "
                                                     + "Map or List that contains itself never ends)");
    }

    /** A value nested so deep that writing it overflowed the thread's stack before Jackson's limit was reached. */
    public static SegmentValidationException tooDeepForStack(String field) {
        return new SegmentValidationException(field, "nests too deep to be written as JSON on this thread's stack "
                                                     + "(the limit is " + SegmentJson.MAX_NESTING_DEPTH
                                                     + " levels; a Map or List that contains itself never ends)");
    }

    private static String join(String field, String path) {
        if (path.isEmpty()) {
            return field.isEmpty() ? "message" : field;
        }
        return field.isEmpty() ? path : path.startsWith("[") ? field + path : field + "." + path;
    }

    /** The reference chain of a mapping exception as a path, e.g. {@code properties.items[2].name}. */
    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder sb = new StringBuilder();
        int steps = 0;
        for (JsonMappingException.Reference ref : references) {
            if (steps++ == MAX_PATH_STEPS) {
                sb.append("...(").append(references.size()).append(" levels)");
                break;
            }
            if (ref.getFrom() instanceof java.util.Map<?, ?> map && "null".equals(ref.getFieldName())
                && containsKey(map, null) && !containsKey(map, "null")) {
                sb.append(sb.length() == 0 ? "" : ".").append("<null key>");
            } else if (ref.getFieldName() != null) {
                sb.append(sb.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    /** Map.containsKey for any Map: immutable Maps refuse a null key, sorted ones a key of another type (they throw). */
    private static boolean containsKey(java.util.Map<?, ?> map, Object key) {
        try {
            return map.containsKey(key);
        } catch (NullPointerException | ClassCastException e) {
            return false;
        }
    }

    private static String path(JsonStreamContext context) {
        StringBuilder sb = new StringBuilder();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            sb.insert(0, c.inArray() ? "[" + c.getCurrentIndex() + "]" : "." + c.getCurrentName());
        }
        return sb.length() > 0 && sb.charAt(0) == '.' ? sb.substring(1) : sb.toString();
    }

    /** {@code /properties/items/2/name} as {@code properties.items.2.name}. */
    private static String pointerPath(String pointer) {
        return pointer.isEmpty() ? "" : pointer.substring(1).replace("~1", "/").replace("~0", "~").replace('/', '.');
    }

    private static String position(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        return at == null ? "" : " (error at line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }
}
