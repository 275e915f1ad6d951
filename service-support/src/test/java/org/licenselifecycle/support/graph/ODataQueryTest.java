package org.licenselifecycle.support.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.licenselifecycle.contract.graph.GraphException;
import org.licenselifecycle.support.graph.ODataQuery.Option;

class ODataQueryTest {

    @ParameterizedTest
    @ValueSource(strings = {"$filter", "$Filter", "$FILTER", "$fIlTeR"})
    void optionNamesMatchWhateverTheirCase(String name) {
        ODataQuery query = read(params(name, "accountEnabled eq true"), Option.FILTER);

        assertThat(query.value(Option.FILTER)).contains("accountEnabled eq true");
    }

    @ParameterizedTest
    @ValueSource(strings = {"$expand", "$Skip", "$ORDERBY", "$search", "$count", "$format"})
    void anOptionTheEndpointDoesNotSupportIsRefusedNotIgnored(String name) {
        assertThatThrownBy(() -> read(params(name, "x"), Option.FILTER, Option.TOP))
                .isInstanceOfSatisfying(GraphException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo("Request_BadRequest");
                    assertThat(e.getMessage()).isEqualTo("'" + name.toLowerCase() + "' is not supported by the service.");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"filter", "Filter", "select", "top", "count", "orderby", "search", "skiptoken", "$filters", "$foo", "$"})
    void aSystemOptionWithoutItsDollarOrAnUnknownDollarNameIsUnrecognized(String name) {
        assertThatThrownBy(() -> read(params(name, "userPrincipalName eq 'nobody@contoso.com'"), Option.FILTER))
                .isInstanceOfSatisfying(GraphException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo("Request_BadRequest");
                    assertThat(e.getMessage()).isEqualTo("Unrecognized query argument specified: '" + name + "'.");
                });
    }

    @Test
    void aParameterThatIsNoODataOptionIsIgnoredAsGraphIgnoresIt() {
        MultivaluedMap<String, String> parameters = params("api-version", "1.6");
        parameters.add("foo", "bar");

        ODataQuery query = read(parameters, Option.FILTER);

        assertThat(query.has(Option.FILTER)).isFalse();
    }

    @Test
    void anOptionGivenTwiceInAnyCaseIsRefused() {
        MultivaluedMap<String, String> parameters = params("$filter", "accountEnabled eq true");
        parameters.add("$FILTER", "accountEnabled eq false");
        assertThatThrownBy(() -> read(parameters, Option.FILTER)).isInstanceOfSatisfying(GraphException.class, e ->
                assertThat(e.getMessage()).isEqualTo(
                        "Query option '$filter' was specified more than once, but it must be specified at most once."));

        MultivaluedMap<String, String> sameName = params("$top", "1");
        sameName.add("$top", "2");
        assertThatThrownBy(() -> read(sameName, Option.TOP)).isInstanceOf(GraphException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1000", "-1", "ten", "", "3.5"})
    void aPageSizeOutsideOneTo999IsRefusedWithGraphsMessage(String top) {
        ODataQuery query = read(params("$top", top), Option.TOP);

        assertThatThrownBy(query::top).isInstanceOfSatisfying(GraphException.class, e -> {
            assertThat(e.code()).isEqualTo("Request_BadRequest");
            assertThat(e.getMessage()).isEqualTo("Invalid page size specified: '" + top + "'. Must be between 1 and 999 inclusive.");
        });
    }

    @Test
    void pageSizesFromOneTo999AreTaken() {
        assertThat(read(params("$TOP", "999"), Option.TOP).top()).contains(999);
        assertThat(read(params("$top", " 1"), Option.TOP).top(100)).isEqualTo(1);
        assertThat(read(new MultivaluedHashMap<>(), Option.TOP).top(100)).isEqualTo(100);
    }

    @Test
    void countIsTrueOrFalseAndNothingElse() {
        assertThat(read(params("$count", "true"), Option.COUNT).count()).isTrue();
        assertThat(read(params("$Count", "TRUE"), Option.COUNT).count()).isTrue();
        assertThat(read(params("$count", "false"), Option.COUNT).count()).isFalse();
        assertThat(read(new MultivaluedHashMap<>(), Option.COUNT).count()).isFalse();
        assertThatThrownBy(() -> read(params("$count", "yes"), Option.COUNT).count())
                .isInstanceOfSatisfying(GraphException.class, e -> assertThat(e.getMessage()).isEqualTo("'yes' is not a valid count option."));
    }

    @Test
    void selectNamesEachPropertyOnceAndRefusesAnUnknownOneWithGraphsMessage() {
        ODataQuery query = read(params("$select", "id, displayName,id"), Option.SELECT);
        assertThat(query.select(ODataQueryTest::known, "user")).containsExactly("id", "displayName");
        assertThat(read(params("$select", " "), Option.SELECT).select(ODataQueryTest::known, "user")).isEmpty();

        assertThatThrownBy(() -> read(params("$select", "id,shoeSize"), Option.SELECT).select(ODataQueryTest::known, "user"))
                .isInstanceOfSatisfying(GraphException.class, e -> assertThat(e.getMessage())
                        .isEqualTo("Could not find a property named 'shoeSize' on type 'microsoft.graph.user'."));
    }

    @Test
    void consistencyLevelEventualIsRecognisedWhateverItsCase() {
        assertThat(ODataQuery.read(new MultivaluedHashMap<>(), "Eventual").eventualConsistency()).isTrue();
        assertThat(ODataQuery.read(new MultivaluedHashMap<>(), "session").eventualConsistency()).isFalse();
        assertThat(ODataQuery.read(new MultivaluedHashMap<>(), null).eventualConsistency()).isFalse();
    }

    private static Optional<String> known(String name) {
        return List.of("id", "displayName").stream().filter(name::equalsIgnoreCase).findFirst();
    }

    private static MultivaluedMap<String, String> params(String name, String value) {
        MultivaluedMap<String, String> parameters = new MultivaluedHashMap<>();
        parameters.add(name, value);
        return parameters;
    }

    private static ODataQuery read(MultivaluedMap<String, String> parameters, Option... supported) {
        return ODataQuery.read(parameters, null, supported);
    }
}
