package io.camelsegment.component.segment.json;

import com.fasterxml.jackson.core.JsonGenerationException;
import com.fasterxml.jackson.core.JsonGenerator;

/** A string about to be written holds half of a UTF-16 surrogate pair: it is not Unicode text, and is never sent. */
public class LoneSurrogateException extends JsonGenerationException {

    private static final long serialVersionUID = 1L;

    private final String pointer;

    LoneSurrogateException(String pointer, String what, int index, char unit, JsonGenerator generator) {
        super(what + " holds a lone surrogate (U+" + Integer.toHexString(unit).toUpperCase(java.util.Locale.ROOT)
              + " at index " + index + "): not valid Unicode", generator);
        this.pointer = pointer;
    }

    /** Where the string is, as a JSON pointer ({@code /properties/name}). */
    public String getPointer() {
        return pointer;
    }
}
