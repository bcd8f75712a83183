package io.camelsegment.component.segment.tracking;

import io.camelsegment.component.segment.json.SegmentJson;

/**
 * Thrown by the component's own recursive walks over a route's value (hashing it, copying it) when it nests deeper than
 * {@link SegmentJson#MAX_NESTING_DEPTH}: it ends the whole walk at once (a Map that contains itself twice has 2^1000
 * paths to that depth), and the walk's entry point turns it into the writer's error, which names the path. No stack
 * trace: it is control flow, not a fault.
 */
final class NestedTooDeep extends RuntimeException {

    private static final long serialVersionUID = 1L;

    NestedTooDeep() {
        super(null, null, false, false);
    }
}
