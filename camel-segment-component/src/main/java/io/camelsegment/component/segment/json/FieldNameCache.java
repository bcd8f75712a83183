package io.camelsegment.component.segment.json;

import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * Field names already encoded as quoted UTF-8, shared by every generator of the component: the same names (type,
 * messageId, properties, a route's own property names) are written in every message, and copying their bytes costs
 * less than escaping and encoding them again each time. Bounded, so that messages with ever new keys cannot grow it:
 * once full, further names are written as usual. Only names already checked for lone surrogates get in.
 */
final class FieldNameCache {

    /** Distinct names kept; a message's own keys beyond this are written without the cache. */
    static final int MAX_NAMES = 4096;
    /** Longer names are rare and gain little: not kept. */
    static final int MAX_NAME_LENGTH = 64;

    private static final ConcurrentHashMap<String, SerializedString> NAMES = new ConcurrentHashMap<>();

    private FieldNameCache() {
    }

    /** The encoded name, or null when it is not kept (yet). */
    static SerializableString get(String name) {
        return NAMES.get(name);
    }

    /** Names kept now. */
    static int size() {
        return NAMES.size();
    }

    /** Keeps a name that has been checked for lone surrogates, while there is room. */
    static void add(String name) {
        if (name.length() <= MAX_NAME_LENGTH && NAMES.size() < MAX_NAMES) {
            NAMES.putIfAbsent(name, new SerializedString(name));
        }
    }
}
