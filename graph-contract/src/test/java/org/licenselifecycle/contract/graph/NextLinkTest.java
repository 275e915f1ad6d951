package org.licenselifecycle.contract.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every list writes its nextLink one way, and reads back only the tokens it sealed. */
class NextLinkTest {

    @Test
    void aNextLinkRepeatsThePagesOptionsEncodedAsGraphWritesThemWithTheSkipTokenLast() {
        String link = NextLink.to("https://graph.example/", "v1.0/users").option("top", 2)
                .names("select", List.of("id", "displayName"))
                .option("filter", Optional.of("startswith(displayName,'a b')"))
                .option("search", Optional.empty()).count(true).skipToken("abc");

        assertThat(link).isEqualTo("https://graph.example/v1.0/users?$top=2&$select=id,displayName"
                + "&$filter=startswith%28displayName%2C%27a%20b%27%29&$count=true&$skiptoken=abc");
        assertThat(ODataCollection.skipTokenOf(link)).isEqualTo("abc");
    }

    @Test
    void aBaseUriWithoutItsSlashAndAnAbsolutePathGiveTheSameKindOfLink() {
        assertThat(NextLink.to("http://h:1", "v1.0/groups").option("top", 5).skipToken("t"))
                .isEqualTo("http://h:1/v1.0/groups?$top=5&$skiptoken=t");
        assertThat(NextLink.to(URI.create("http://h:1/v1.0/subscribedSkus")).names("select", List.of()).skipToken("7"))
                .isEqualTo("http://h:1/v1.0/subscribedSkus?$skiptoken=7");
    }

    @Test
    void aGuestsUserPrincipalNameIsOnePathSegmentOfTheLinkItsHashesEncoded() {
        String link = NextLink.to("http://h:1", "v1.0/users/" + NextLink.segment("ada_fabrikam.com#EXT#@contoso.com")
                + "/memberOf").option("top", 1).skipToken("t");

        assertThat(link).isEqualTo(
                "http://h:1/v1.0/users/ada_fabrikam.com%23EXT%23%40contoso.com/memberOf?$top=1&$skiptoken=t");
        assertThat(URI.create(link).getPath()).isEqualTo("/v1.0/users/ada_fabrikam.com#EXT#@contoso.com/memberOf");
        assertThat(URI.create(link).getFragment()).isNull();
    }

    @Test
    void aSealedTokenOpensOnlyWithItsOwnKind() {
        String token = NextLink.seal("g1:", "3f2c");

        assertThat(NextLink.open(token, "g1:")).contains("3f2c");
        assertThat(NextLink.open(token, "u1:")).isEmpty();
        assertThat(NextLink.open("not base64 !", "g1:")).isEmpty();
        assertThat(ODataCollection.skipTokenOf(NextLink.to("http://h", "v1.0/groups").skipToken(token))).isEqualTo(token);
    }

    @Test
    void aTokenTheListDidNotIssueIsGraphs400() {
        assertThatThrownBy(() -> {
            throw NextLink.invalidSkipToken("xyz");
        }).isInstanceOfSatisfying(GraphException.class, refusal -> assertThat(refusal.status()).isEqualTo(400))
                .hasMessageContaining("The $skiptoken 'xyz' is not valid");
    }
}
