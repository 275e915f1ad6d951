package org.licenselifecycle.console;

import java.util.Map;

/**
 * A change an admin is about to confirm, shown as a box ({@code confirm.html}): its title and question, the form it
 * posts ({@code action} with hidden {@code fields}), the confirm button's label and the way back.
 */
public record Confirmation(String title, String question, String action, String confirmLabel, String back,
        Map<String, String> fields) {
}
