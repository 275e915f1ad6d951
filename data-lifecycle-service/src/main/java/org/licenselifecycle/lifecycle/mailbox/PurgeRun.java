package org.licenselifecycle.lifecycle.mailbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** What one run of the purge job did: when, and how many mailboxes and items. */
@Entity
public class PurgeRun extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public Instant startedAt;
    public Instant finishedAt;
    public int mailboxesPurged;
    public long itemsDeleted;
    public long itemsRetained;
}
