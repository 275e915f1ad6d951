package org.licenselifecycle.lifecycle.timeline;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One thing that happened to a user's data, and when. */
@Entity
public class TimelineEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public UUID tenantId;
    public UUID userId;
    public Instant at;
    @Enumerated(EnumType.STRING)
    public TimelineEvent event;
    /** Who did it (an admin's object id); null for the system. */
    public UUID actor;
    public String detail;

    static List<TimelineEntry> ofUser(UUID tenantId, UUID userId) {
        return list("tenantId = ?1 and userId = ?2 order by at, id", tenantId, userId);
    }
}
