package org.licenselifecycle.directory.groups;

import java.util.List;
import java.util.Optional;

/**
 * One page of groups, in id order.
 *
 * @param continueAfter the last group of this page when more follow: the next page starts after it
 */
public record GroupPage(List<Group> groups, Optional<Group> continueAfter) {

    /** The page of {@code size} from {@code rows}, read with one row more than the page to know whether more follow. */
    static GroupPage of(List<Group> rows, int size) {
        if (rows.size() <= size) {
            return new GroupPage(List.copyOf(rows), Optional.empty());
        }
        List<Group> page = rows.subList(0, size);
        return new GroupPage(List.copyOf(page), Optional.of(page.get(size - 1)));
    }
}
