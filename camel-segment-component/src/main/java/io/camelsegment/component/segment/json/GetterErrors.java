package io.camelsegment.component.segment.json;

import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;

/**
 * Lets a POJO getter that throws an Error (an AssertionError, a NoClassDefFoundError) be reported like one that throws
 * an exception: Jackson wraps what a getter throws with the property's path, but rethrows Errors bare, past the route.
 * Each property writer hands such an Error on as a {@link GetterError}. VirtualMachineErrors (OutOfMemoryError,
 * StackOverflowError) pass as they are.
 */
final class GetterErrors extends BeanSerializerModifier {

    private static final long serialVersionUID = 1L;

    @Override
    public List<BeanPropertyWriter> changeProperties(SerializationConfig config, BeanDescription beanDesc,
                                                     List<BeanPropertyWriter> properties) {
        List<BeanPropertyWriter> writers = new ArrayList<>(properties.size());
        for (BeanPropertyWriter property : properties) {
            // Jackson's own subclasses (views, unwrapping, virtual properties) stay as they are.
            writers.add(property.getClass() == BeanPropertyWriter.class ? new Writer(property) : property);
        }
        return writers;
    }

    /** What a getter's Error is handed on as; its cause is the Error. */
    static final class GetterError extends RuntimeException {

        private static final long serialVersionUID = 1L;

        GetterError(Error cause) {
            super(null, cause, false, false);
        }
    }

    private static final class Writer extends BeanPropertyWriter {

        private static final long serialVersionUID = 1L;

        Writer(BeanPropertyWriter base) {
            super(base);
        }

        @Override
        public void serializeAsField(Object bean, JsonGenerator gen, SerializerProvider prov) throws Exception {
            try {
                super.serializeAsField(bean, gen, prov);
            } catch (InvocationTargetException | Error e) {
                throw handOn(e);
            }
        }

        @Override
        public void serializeAsElement(Object bean, JsonGenerator gen, SerializerProvider prov) throws Exception {
            try {
                super.serializeAsElement(bean, gen, prov);
            } catch (InvocationTargetException | Error e) {
                throw handOn(e);
            }
        }

        /** The getter's Error (reflection wraps it) as a GetterError; anything else as it is. */
        private static Exception handOn(Throwable thrown) {
            Throwable error = thrown instanceof InvocationTargetException ? thrown.getCause() : thrown;
            if (error instanceof Error e && !(error instanceof VirtualMachineError)) {
                return new GetterError(e);
            }
            if (thrown instanceof Error e) {
                throw e;
            }
            return (Exception) thrown;
        }
    }
}
