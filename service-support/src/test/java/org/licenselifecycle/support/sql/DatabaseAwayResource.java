package org.licenselifecycle.support.sql;

import io.quarkus.security.PermissionsAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.licenselifecycle.support.security.Operations;

/**
 * A test-only endpoint that meets the database away as a request does while PostgreSQL restarts: the driver
 * cannot connect (a port nothing listens on), and the failure reaches the error mapper wrapped, as the ORM wraps it.
 */
@Path("/test/database-away")
public class DatabaseAwayResource {

    @POST
    @PermissionsAllowed(Operations.ASSIGN_LICENSES)
    public void change() throws SQLException {
        try (var connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:9/licensing?connectTimeout=2")) {
            throw new IllegalStateException("Something listens on port 9: " + connection);
        } catch (SQLException refused) {
            throw new IllegalStateException("Unable to acquire JDBC Connection", refused);
        }
    }
}
