package io.camelsegment.component.segment;

/**
 * A message or request was rejected before anything was sent: names the field and the rule it broke.
 */
public class SegmentValidationException extends SegmentException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String rule;

    public SegmentValidationException(String field, String rule) {
        super(field + ": " + rule);
        this.field = field;
        this.rule = rule;
    }

    /** The offending field, e.g. {@code userId}, {@code properties}, {@code batch[3].event}. */
    public String getField() {
        return field;
    }

    /** The rule it broke, in words. */
    public String getRule() {
        return rule;
    }
}
