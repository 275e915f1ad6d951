package org.licenselifecycle.console.services;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** The services' {@code nextLink}s as the console passes them on in its own links: their {@code $skiptoken}. */
public final class NextLinks {

    private NextLinks() {
    }

    /** The {@code $skiptoken} of a nextLink; null when there is no next page. */
    public static String skipTokenOf(String nextLink) {
        if (nextLink == null) {
            return null;
        }
        for (String parameter : URI.create(nextLink).getRawQuery().split("&")) {
            if (parameter.startsWith("$skiptoken=") || parameter.startsWith("%24skiptoken=")) {
                return URLDecoder.decode(parameter.substring(parameter.indexOf('=') + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
