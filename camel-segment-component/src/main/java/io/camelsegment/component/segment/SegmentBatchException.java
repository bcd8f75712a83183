package io.camelsegment.component.segment;

import java.util.List;
import java.util.stream.Collectors;

/**
 * segment:batch could not send every item: some were invalid (reported by index, never sent) and/or some requests
 * failed. The valid items of successful requests were delivered; their messageIds are listed.
 */
public class SegmentBatchException extends SegmentException {

    private static final long serialVersionUID = 1L;

    private final List<ItemFailure> failures;
    private final List<String> deliveredMessageIds;

    public SegmentBatchException(List<ItemFailure> failures, List<String> deliveredMessageIds, Throwable cause) {
        super(describe(failures, deliveredMessageIds), cause);
        this.failures = List.copyOf(failures);
        this.deliveredMessageIds = List.copyOf(deliveredMessageIds);
    }

    /** The items that were not delivered, with the reason for each. */
    public List<ItemFailure> getFailures() {
        return failures;
    }

    /** The messageIds of the items Segment accepted. */
    public List<String> getDeliveredMessageIds() {
        return deliveredMessageIds;
    }

    private static String describe(List<ItemFailure> failures, List<String> delivered) {
        String shown = failures.stream().limit(10).map(ItemFailure::toString).collect(Collectors.joining("; "));
        return failures.size() + " batch item(s) not delivered (" + delivered.size() + " delivered): " + shown
               + (failures.size() > 10 ? "; ..." : "");
    }

    /**
     * One undelivered item.
     *
     * @param index     its index in the input collection
     * @param messageId its messageId, when it had got one
     * @param reason    why it was not delivered
     */
    public record ItemFailure(int index, String messageId, String reason) {
        @Override
        public String toString() {
            return "item " + index + ": " + reason;
        }
    }
}
