package org.licenselifecycle.lifecycle.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.contract.graph.GraphException;

class UserIdsTest {

    @Test
    void aGuidInEitherCaseIsAUserId() {
        UUID id = UUID.randomUUID();

        assertThat(UserIds.parse(id.toString())).isEqualTo(id);
        assertThat(UserIds.parse(id.toString().toUpperCase())).isEqualTo(id);
    }

    @Test
    void anythingElseIsABadRequestNamingTheIdentifier() {
        assertThatThrownBy(() -> UserIds.parse("1-2-3-4-5"))
                .isInstanceOfSatisfying(GraphException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo("Request_BadRequest");
                    assertThat(e.getMessage()).isEqualTo("Invalid object identifier '1-2-3-4-5'.");
                });
    }
}
