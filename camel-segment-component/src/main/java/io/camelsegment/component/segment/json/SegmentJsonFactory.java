package io.camelsegment.component.segment.json;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.IOContext;

/** Jackson's JSON factory whose generators refuse lone surrogates ({@link UnicodeCheckingGenerator}). */
final class SegmentJsonFactory extends JsonFactory {

    private static final long serialVersionUID = 1L;

    SegmentJsonFactory() {
    }

    private SegmentJsonFactory(SegmentJsonFactory source) {
        super(source, null);
    }

    @Override
    public JsonFactory copy() {
        return new SegmentJsonFactory(this);
    }

    @Override
    protected JsonGenerator _createUTF8Generator(OutputStream out, IOContext ctxt) throws IOException {
        return new UnicodeCheckingGenerator(super._createUTF8Generator(out, ctxt));
    }

    @Override
    protected JsonGenerator _createGenerator(Writer out, IOContext ctxt) throws IOException {
        return new UnicodeCheckingGenerator(super._createGenerator(out, ctxt));
    }
}
