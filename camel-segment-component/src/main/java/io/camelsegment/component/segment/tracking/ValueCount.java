package io.camelsegment.component.segment.tracking;

import io.camelsegment.component.segment.SegmentValidationException;
import io.camelsegment.component.segment.json.SegmentJson;

/**
 * Counts the values one walk of a route's value visits (keys and items, at every level), so that a Map or List that is
 * held many times over (each level holding the one below twice: 2^n values for n levels, within the nesting limit)
 * ends in a validation error instead of a walk that never ends or fills the heap.
 */
final class ValueCount {

    private int left = SegmentJson.MAX_VALUES;

    /** One more value; past {@link SegmentJson#MAX_VALUES} the walk ends at once. */
    void visit() {
        if (--left < 0) {
            throw new TooManyValues();
        }
    }

    static SegmentValidationException tooMany(String field) {
        return new SegmentValidationException(field.isEmpty() ? "message" : field, SegmentJson.TOO_MANY_VALUES);
    }

    /** Ends a walk past its count; stackless, as it only carries the walk out. */
    static final class TooManyValues extends RuntimeException {

        private static final long serialVersionUID = 1L;

        TooManyValues() {
            super(null, null, false, false);
        }
    }
}
