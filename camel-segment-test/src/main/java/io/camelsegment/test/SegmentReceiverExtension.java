package io.camelsegment.test;

import org.apache.camel.CamelContext;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that runs a {@link SegmentReceiver} for a test class or for each test, and injects it into test
 * methods and constructors that declare a {@code SegmentReceiver} parameter.
 * <ul>
 * <li>{@code @RegisterExtension static SegmentReceiverExtension segment = new SegmentReceiverExtension();} or
 * {@code @ExtendWith(SegmentReceiverExtension.class)}: one receiver for the class and its {@code @Nested} classes,
 * emptied (messages, requests, scripted faults) before each test.</li>
 * <li>{@code @RegisterExtension SegmentReceiverExtension segment = ...} on an instance field: a new receiver for each
 * test.</li>
 * </ul>
 * The component is pointed at the receiver with {@link #configure(CamelContext)} (e.g. in
 * {@code CamelTestSupport.createCamelContext()}), or with {@link SegmentReceiver#camelProperties()} for Camel Main,
 * Spring Boot or Quarkus.
 */
public final class SegmentReceiverExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private final String writeKey;
    private SegmentReceiver receiver;
    private boolean perClass;
    /** The test class whose beforeAll started the class-wide receiver: only its afterAll stops it. */
    private Class<?> owner;

    /** A receiver that accepts any non-blank write key (and gives the component a generated one). */
    public SegmentReceiverExtension() {
        this(null);
    }

    private SegmentReceiverExtension(String writeKey) {
        this.writeKey = writeKey;
    }

    /** A receiver that accepts only this write key: others get 401, as from Segment. */
    public static SegmentReceiverExtension withWriteKey(String writeKey) {
        return new SegmentReceiverExtension(writeKey);
    }

    /** The running receiver; started now if the extension has not started it yet. */
    public synchronized SegmentReceiver receiver() {
        if (receiver == null) {
            receiver = writeKey == null ? SegmentReceiver.start() : SegmentReceiver.start(writeKey);
        }
        return receiver;
    }

    /** Points the context's {@code segment} component at the receiver (its trackingUrl and write key). */
    public void configure(CamelContext context) {
        receiver().configure(context);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        perClass = true;
        if (owner == null) {
            owner = context.getRequiredTestClass();
        }
        receiver();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (perClass) {
            receiver().reset();
        } else {
            receiver();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) {
            stop();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        // JUnit calls beforeAll and afterAll for each @Nested class as well: the receiver lives as long as its owner
        if (context.getRequiredTestClass() == owner) {
            owner = null;
            stop();
        }
    }

    private synchronized void stop() {
        if (receiver != null) {
            receiver.close();
            receiver = null;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == SegmentReceiver.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return receiver();
    }
}
