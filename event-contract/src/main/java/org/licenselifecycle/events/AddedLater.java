package org.licenselifecycle.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field added to an event after its version was first published: events written before lack it, so the
 * schema does not require it and {@link EventJson} reads its absence as null. Every other field is required
 * (null where its schema allows). Adding such a field keeps the version: older consumers ignore it, newer ones
 * read older events. A field old consumers cannot do without needs a new version instead.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD})
public @interface AddedLater {
}
