package org.licenselifecycle.console;

import io.quarkus.qute.TemplateExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the pages write values: URL parameters, days, moments and timeline events in words. */
@TemplateExtension
public class TemplateExtensions {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private TemplateExtensions() {
    }

    /** A value for a URL's query string. */
    static String url(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** "27 December 2026" (UTC), as the confirmation box announces purge dates. */
    public static String day(Instant instant) {
        return DAY.format(instant);
    }

    static String moment(Instant instant) {
        return MOMENT.format(instant);
    }

    /** LICENSE_REMOVED -> "License removed". */
    static String eventWords(String event) {
        String words = event.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1)
                .replace("onedrive", "OneDrive");
    }
}
