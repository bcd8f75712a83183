package io.camelsegment.component.segment;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

import io.camelsegment.component.segment.health.SegmentProducerHealthCheck;
import io.camelsegment.component.segment.monitor.DeliveryMonitor;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Service;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.builder.ThreadPoolProfileBuilder;
import org.apache.camel.spi.ExecutorServiceManager;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.support.DefaultAsyncProducer;

/**
 * Runs one operation per exchange. Direct calls complete synchronously; buffered (acknowledged) delivery completes
 * the exchange later without parking a thread (Camel's async routing engine): the sender that got Segment's answer
 * only completes a future, and the exchange continues its route on this producer's worker pool (camel-kafka's
 * producer does the same), so a slow next step never holds up delivery.
 */
public class SegmentProducer extends DefaultAsyncProducer {

    private static final int DEFAULT_WORKER_POOL_SIZE = 10;

    private final SegmentEndpoint endpoint;
    private SegmentOperationHandler handler;
    private WritableHealthCheckRepository healthCheckRepository;
    private SegmentProducerHealthCheck healthCheck;
    private ExecutorService workerPool;
    private boolean ownWorkerPool;
    private ScheduledExecutorService workerWatch;
    private Executor continuation;

    public SegmentProducer(SegmentEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        SegmentConfiguration configuration = endpoint.getConfiguration();
        if (configuration.isBatching() && configuration.getDeliveryMode() == SegmentDeliveryMode.acknowledged) {
            workerPool = configuration.getWorkerPool();
            if (workerPool == null) {
                // Unbounded queue: what waits there is bounded by the buffer (bufferMaxEvents exchanges at most).
                ThreadPoolProfile profile = new ThreadPoolProfileBuilder("SegmentProducerWorker")
                        .poolSize(DEFAULT_WORKER_POOL_SIZE).maxPoolSize(DEFAULT_WORKER_POOL_SIZE).maxQueueSize(-1)
                        .build();
                workerPool = getEndpoint().getCamelContext().getExecutorServiceManager().newThreadPool(this,
                        "SegmentProducerWorker[" + endpoint.getOperation() + "]", profile);
                ownWorkerPool = true;
            }
            workerWatch = getEndpoint().getCamelContext().getExecutorServiceManager()
                    .newSingleThreadScheduledExecutor(this, "SegmentProducerWorkerWatch[" + endpoint.getOperation() + "]");
            continuation = new WorkerPoolHandOff(workerPool, workerWatch, DEFAULT_WORKER_POOL_SIZE);
        }
        handler = endpoint.createHandler();
        if (handler instanceof Service service) {
            service.start();
        }
        DeliveryMonitor monitor = endpoint.deliveryMonitor();
        monitor.addEndpoint(endpoint.toString());
        registerHealthCheck(monitor);
    }

    /** Camel's producer checks are off unless camel.health.producersEnabled=true; without camel-health, none. */
    private void registerHealthCheck(DeliveryMonitor monitor) {
        healthCheckRepository = HealthCheckHelper.getHealthCheckRepository(endpoint.getCamelContext(), "producers",
                WritableHealthCheckRepository.class);
        if (healthCheckRepository != null) {
            SegmentComponent component = endpoint.getComponent();
            healthCheck = new SegmentProducerHealthCheck(endpoint.getId(), monitor,
                    component.getHealthCheckFailureThreshold(), component.getHealthCheckBufferFullThreshold());
            healthCheck.setEnabled(component.isHealthCheckProducerEnabled());
            healthCheckRepository.addHealthCheck(healthCheck);
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (healthCheckRepository != null && healthCheck != null) {
            healthCheckRepository.removeHealthCheck(healthCheck);
            healthCheck = null;
        }
        // The sender settles what it holds first; the exchanges it completes then still continue on the pool.
        if (handler instanceof Service service) {
            service.stop();
        }
        if (ownWorkerPool) {
            stopWorkerPool();
        }
        if (workerWatch != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownNow(workerWatch);
            workerWatch = null;
        }
        workerPool = null;
        ownWorkerPool = false;
        super.doStop();
    }

    /** Lets the exchanges queued on the pool continue; any left after the wait continue here (never dropped). */
    private void stopWorkerPool() throws InterruptedException {
        ExecutorServiceManager manager = getEndpoint().getCamelContext().getExecutorServiceManager();
        workerPool.shutdown();
        if (!workerPool.awaitTermination(manager.getShutdownAwaitTermination(), TimeUnit.MILLISECONDS)) {
            manager.shutdownNow(workerPool).forEach(Runnable::run);
        }
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        CompletableFuture<Object> outcome;
        SegmentOperation operation = endpoint.getOperation();
        try {
            operation = determineOperation(exchange);
            outcome = handler.handle(exchange, operation);
        } catch (Exception e) {
            outcome = CompletableFuture.failedFuture(e);
        } catch (Error e) {
            if (e instanceof VirtualMachineError && !(e instanceof StackOverflowError)) {
                throw e; // out of memory: nothing here can help
            }
            // Thrown by the route's own value where no check caught it (a Map that asserts): the exchange fails, and
            // the route's error handling sees it, which an Error would bypass.
            outcome = CompletableFuture.failedFuture(new SegmentException(operation + " failed on this exchange's "
                                                                          + "input: " + e.getClass().getName(), e));
        }
        SegmentOperation op = operation;
        CompletableFuture<Object> result = outcome;
        if (result.isDone()) {
            complete(exchange, op, result);
            callback.done(true);
            return true;
        }
        BiConsumer<Object, Throwable> continueRoute = (data, error) -> {
            complete(exchange, op, result);
            callback.done(false);
        };
        if (continuation != null) {
            result.whenCompleteAsync(continueRoute, continuation);
        } else {
            result.whenComplete(continueRoute);
        }
        return false;
    }

    private SegmentOperation determineOperation(Exchange exchange) throws SegmentValidationException {
        String name = exchange.getMessage().getHeader(SegmentConstants.OPERATION, String.class);
        if (name == null) {
            return endpoint.getOperation();
        }
        SegmentOperation requested;
        try {
            requested = SegmentOperation.fromName(name);
        } catch (IllegalArgumentException e) {
            // not fromName's message, which quotes the header's value: errors about an exchange never do
            throw new SegmentValidationException(SegmentConstants.OPERATION, "is not a Segment operation; valid "
                                                                             + "operations: "
                                                                             + SegmentOperation.validNames());
        }
        if (requested.getApi() != endpoint.getOperation().getApi()) {
            throw new SegmentValidationException(SegmentConstants.OPERATION, "'" + requested + "' belongs to the "
                                                                             + requested.getApi() + " API but this "
                                                                             + "endpoint is for the "
                                                                             + endpoint.getOperation().getApi()
                                                                             + " API (operation "
                                                                             + endpoint.getOperation() + ")");
        }
        return requested;
    }

    /** Applies the outcome: result body or exception (default), or the {successful, data, error} envelope. */
    private void complete(Exchange exchange, SegmentOperation operation, CompletableFuture<Object> outcome) {
        Object data = null;
        Throwable error = null;
        try {
            data = outcome.get();
            if (data instanceof SegmentOperationHandler.DeferredResult deferred) {
                data = deferred.applyTo(exchange.getMessage());
            }
        } catch (ExecutionException | CompletionException e) {
            error = e.getCause() != null ? e.getCause() : e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = e;
        }
        if (endpoint.getConfiguration().isThrowExceptionOnFailure()) {
            if (error != null) {
                exchange.setException(error);
            } else if (!operation.isTracking()) {
                exchange.getMessage().setBody(data);
            }
            return;
        }
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("successful", error == null);
        envelope.put("data", error == null ? data : Map.of());
        if (error != null) {
            envelope.put("error", error.getMessage());
        }
        exchange.getMessage().setBody(envelope);
    }

    @Override
    public String toString() {
        return "SegmentProducer[" + endpoint + "]";
    }
}
