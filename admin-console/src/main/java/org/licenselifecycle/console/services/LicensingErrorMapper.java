package org.licenselifecycle.console.services;

import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/** The licensing service's error answers as {@link ServiceError}s in plain words. */
public class LicensingErrorMapper implements ResponseExceptionMapper<ServiceError> {

    @Override
    public ServiceError toThrowable(Response response) {
        return GraphErrors.of("licensing", response);
    }
}
