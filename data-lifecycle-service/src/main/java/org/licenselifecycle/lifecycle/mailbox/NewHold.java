package org.licenselifecycle.lifecycle.mailbox;

/** The hold to place: LITIGATION_HOLD, EDISCOVERY_HOLD or RETENTION_POLICY. */
public record NewHold(HoldKind kind) {
}
