package org.licenselifecycle.console.operations;

import java.util.List;

/**
 * How many users one bulk change may select, as licensing states it ({@code GET /api/v1/licenses/bulkLimits}): the
 * console refuses a larger selection before it asks any service to change anything, and never restates the number.
 */
public record SelectionLimit(int max) {

    /** Whether {@code selected} holds more users than one change takes. */
    public boolean exceededBy(List<String> selected) {
        return selected != null && selected.size() > max;
    }

    /** Whether one change takes {@code selected}: at least one user, at most {@link #max}. */
    public boolean admits(List<String> selected) {
        return selected != null && !selected.isEmpty() && selected.size() <= max;
    }
}
