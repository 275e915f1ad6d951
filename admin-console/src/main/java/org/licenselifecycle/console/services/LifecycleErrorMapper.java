package org.licenselifecycle.console.services;

import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/** The lifecycle service's error answers as {@link ServiceError}s in plain words. */
public class LifecycleErrorMapper implements ResponseExceptionMapper<ServiceError> {

    @Override
    public ServiceError toThrowable(Response response) {
        return GraphErrors.of("lifecycle", response);
    }
}
