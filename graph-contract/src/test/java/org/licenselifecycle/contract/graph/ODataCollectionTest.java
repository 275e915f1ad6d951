package org.licenselifecycle.contract.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A page's nextLink names the next page by its $skiptoken, which the console passes on. */
class ODataCollectionTest {

    @Test
    void theSkipTokenOfANextLinkIsItsDecodedSkipTokenParameter() {
        assertThat(ODataCollection.skipTokenOf("https://graph.example/v1.0/users?$top=2&$skiptoken=a%2Bb%3D"))
                .isEqualTo("a+b=");
        assertThat(ODataCollection.skipTokenOf("https://graph.example/v1.0/users?%24skiptoken=abc&%24top=5"))
                .isEqualTo("abc");
    }

    @Test
    void theLastPageHasNoSkipToken() {
        assertThat(ODataCollection.skipTokenOf(null)).isNull();
        assertThat(new ODataCollection<>("ctx", null, List.of("x")).skipToken()).isNull();
        assertThat(ODataCollection.skipTokenOf("https://graph.example/v1.0/users")).isNull();
        assertThat(ODataCollection.skipTokenOf("https://graph.example/v1.0/users?$top=2")).isNull();
    }

    @Test
    void aPageReadsItsOwnNextLink() {
        assertThat(new ODataCollection<>("ctx", "https://graph.example/v1.0/users?$skiptoken=xyz", List.of("x")).skipToken())
                .isEqualTo("xyz");
    }
}
