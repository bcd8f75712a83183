package io.camelsegment.component.segment.json;

import com.fasterxml.jackson.core.JsonGenerationException;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * A value about to be written that is not valid JSON content: a string with half of a UTF-16 surrogate pair, a number
 * that is not finite or beyond the range of a double. Refused, never sent; the message is the rule it broke.
 */
public class RefusedValueException extends JsonGenerationException {

    private static final long serialVersionUID = 1L;

    private final String pointer;

    private RefusedValueException(String pointer, String rule, JsonGenerator generator) {
        super(rule, generator);
        this.pointer = pointer;
    }

    static RefusedValueException loneSurrogate(String pointer, String what, int index, char unit,
                                               JsonGenerator generator) {
        return new RefusedValueException(pointer, what + " holds a lone surrogate (U+"
                                                  + Integer.toHexString(unit).toUpperCase(java.util.Locale.ROOT)
                                                  + " at index " + index + "): not valid Unicode (strings must be "
                                                  + "well-formed UTF-16: emoji and other characters outside the BMP "
                                                  + "as complete surrogate pairs)",
                generator);
    }

    /** @param value NaN, Infinity or -Infinity: names no content */
    static RefusedValueException notFinite(String pointer, String value, JsonGenerator generator) {
        return new RefusedValueException(pointer, "must be a finite number, was " + value + " (JSON has no NaN or "
                                                  + "Infinity; JSON text with a number beyond ±1.8E308 reads as "
                                                  + "Infinity)",
                generator);
    }

    /**
     * A number that is not finite as a double (a BigDecimal or BigInteger beyond ±1.8E308, the text of another Number
     * type), as JSON text with such a number reads: names no content.
     */
    static RefusedValueException beyondDouble(String pointer, JsonGenerator generator) {
        return new RefusedValueException(pointer, "must be a number within the range of a double (±1.8E308): read as "
                                                  + "a double, as JavaScript and most JSON readers read numbers, it "
                                                  + "is Infinity, and one such number may get a whole batch refused",
                generator);
    }

    /** A value with more than {@link SegmentJson#MAX_VALUES} containers and keys: refused as a whole. */
    static RefusedValueException tooManyValues(JsonGenerator generator) {
        return new RefusedValueException("", SegmentJson.TOO_MANY_VALUES, generator);
    }

        /** Where the value is, as a JSON pointer ({@code /properties/name}). */
    public String getPointer() {
        return pointer;
    }
}
