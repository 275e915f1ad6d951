package org.licenselifecycle.support.transaction;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/**
 * A row of the test application's own table, which {@link RetriedWork} locks; an entity so that the test application
 * has a persistence unit and {@link TransactionRetryTest} can race through the ORM as well as through plain SQL.
 */
@Entity
@Table(name = RetryProbeRow.TABLE)
public class RetryProbeRow {

    static final String TABLE = "retry_probe";

    @Id
    public UUID id;
}
