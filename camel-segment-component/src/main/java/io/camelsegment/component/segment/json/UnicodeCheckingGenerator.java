package io.camelsegment.component.segment.json;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;

/**
 * Refuses strings and keys that hold a lone surrogate before they are written: Jackson would write one escaped
 * ({@code \uD83D}), or, when it combines surrogate pairs into UTF-8, merge it with the next character into another
 * one. Refuses NaN and infinite numbers too, which Jackson writes as the strings "NaN" and "Infinity", and a BigDecimal
 * or BigInteger beyond the range of a double: where numbers are read as doubles it is Infinity (JSON text beyond it
 * reads as Infinity here too). Checked while the value is written anyway, so that no extra pass over the message is needed. Field names
 * that recur are written from {@link FieldNameCache}, already checked and encoded. Counts the objects, arrays and keys
 * it writes: a value that holds one Map or List many times over ends at {@link SegmentJson#MAX_VALUES} instead of
 * being written out.
 */
final class UnicodeCheckingGenerator extends JsonGeneratorDelegate {

    private int valuesLeft = SegmentJson.MAX_VALUES;

    UnicodeCheckingGenerator(JsonGenerator delegate) {
        super(delegate, true);
    }

    @Override
    public void writeStartObject() throws IOException {
        counted();
        super.writeStartObject();
    }

    @Override
    public void writeStartObject(Object forValue) throws IOException {
        counted();
        super.writeStartObject(forValue);
    }

    @Override
    public void writeStartObject(Object forValue, int size) throws IOException {
        counted();
        super.writeStartObject(forValue, size);
    }

    @Override
    public void writeStartArray() throws IOException {
        counted();
        super.writeStartArray();
    }

    @Override
    public void writeStartArray(int size) throws IOException {
        counted();
        super.writeStartArray(size);
    }

    @Override
    public void writeStartArray(Object forValue) throws IOException {
        counted();
        super.writeStartArray(forValue);
    }

    @Override
    public void writeStartArray(Object forValue, int size) throws IOException {
        counted();
        super.writeStartArray(forValue, size);
    }

    @Override
    public void writeFieldName(SerializableString name) throws IOException {
        counted();
        super.writeFieldName(name);
    }

    @Override
    public void writeFieldName(String name) throws IOException {
        counted();
        SerializableString encoded = FieldNameCache.get(name);
        if (encoded != null) {
            delegate.writeFieldName(encoded); // checked when it was kept
            return;
        }
        check(name, 0, name.length(), true);
        FieldNameCache.add(name);
        super.writeFieldName(name);
    }

    @Override
    public void writeString(String text) throws IOException {
        if (text != null) {
            check(text, 0, text.length(), false);
        }
        super.writeString(text);
    }

    @Override
    public void writeString(char[] text, int offset, int len) throws IOException {
        check(new String(text, offset, len), 0, len, false);
        super.writeString(text, offset, len);
    }

    /**
     * Passed on as it is: JsonGeneratorDelegate would pass the text on as a String, encoded again on every write,
     * where the delegate writes the value's cached UTF-8 bytes (the component's own pre-serialized JSON).
     */
    @Override
    public void writeRawValue(SerializableString raw) throws IOException {
        delegate.writeRawValue(raw);
    }

    @Override
    public void writeNumber(double v) throws IOException {
        if (!Double.isFinite(v)) {
            throw notFinite(String.valueOf(v));
        }
        super.writeNumber(v);
    }

    @Override
    public void writeNumber(float v) throws IOException {
        if (!Float.isFinite(v)) {
            throw notFinite(String.valueOf(v));
        }
        super.writeNumber(v);
    }

    @Override
    public void writeNumber(BigDecimal v) throws IOException {
        if (v != null && Double.isInfinite(v.doubleValue())) {
            throw RefusedValueException.beyondDouble(pointer(), this);
        }
        super.writeNumber(v);
    }

    @Override
    public void writeNumber(BigInteger v) throws IOException {
        if (v != null && Double.isInfinite(v.doubleValue())) {
            throw RefusedValueException.beyondDouble(pointer(), this);
        }
        super.writeNumber(v);
    }

    /** What Jackson writes for a Number type it has no writer for (a DoubleAdder): the text of its toString(). */
    @Override
    public void writeNumber(String encodedValue) throws IOException {
        if (encodedValue != null && !withinDouble(encodedValue)) {
            throw RefusedValueException.beyondDouble(pointer(), this);
        }
        super.writeNumber(encodedValue);
    }

    @Override
    public void writeArray(double[] array, int offset, int length) throws IOException {
        // element by element, as JsonGenerator does: the delegate's own loop would not check them
        writeStartArray(array, length);
        for (int i = offset; i < offset + length; i++) {
            writeNumber(array[i]);
        }
        writeEndArray();
    }

    private static boolean withinDouble(String number) {
        try {
            return Double.isFinite(Double.parseDouble(number));
        } catch (NumberFormatException e) {
            return false; // not a number at all: written as it is, it would not be JSON
        }
    }

    private void counted() throws RefusedValueException {
        if (--valuesLeft < 0) {
            throw RefusedValueException.tooManyValues(this);
        }
    }

    private void check(String text, int from, int to, boolean key) throws IOException {
        int lone = Utf16.firstLoneSurrogate(text, from, to);
        if (lone >= 0) {
            throw lone(key, lone - from, text.charAt(lone));
        }
    }

    private RefusedValueException lone(boolean key, int index, char unit) {
        return RefusedValueException.loneSurrogate(pointer(), key ? "the key" : "the string", index, unit, this);
    }

    private RefusedValueException notFinite(String value) {
        return RefusedValueException.notFinite(pointer(), value, this);
    }

    /** Where the value about to be written goes. */
    private String pointer() {
        JsonStreamContext context = getOutputContext();
        if (context.inArray()) {
            // the next element: until it is written, the context names the one before it
            return context.getParent().pathAsPointer() + "/" + context.getEntryCount();
        }
        return context.pathAsPointer().toString();
    }
}
