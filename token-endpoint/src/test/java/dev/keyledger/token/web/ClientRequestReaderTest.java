package dev.keyledger.token.web;

import dev.keyledger.token.authentication.ClientCredentials;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * How a POST to an OAuth endpoint is read, without a server: Spring's mock request in, {@link ClientRequest} or
 * the {@link OAuthProblem} it answers with out.
 */
class ClientRequestReaderTest {

    private static final String FORM = "application/x-www-form-urlencoded";

    @Test
    void readWhenHttpBasicThenCredentialsAreBasic() {
        MockHttpServletRequest request = post("grant_type=client_credentials");
        request.addHeader("Authorization", basic("client-1", "secret-1"));

        ClientRequest read = ClientRequestReader.read(request);

        assertThat(read.credentials().clientId()).isEqualTo("client-1");
        assertThat(read.credentials().secret()).isEqualTo("secret-1");
        assertThat(read.credentials().method()).isEqualTo(ClientCredentials.Method.CLIENT_SECRET_BASIC);
        assertThat(read.usesBasic()).isTrue();
        assertThat(read.single("grant_type")).isEqualTo("client_credentials");
    }

    @Test
    void readWhenBasicCredentialsArePercentEncodedThenTheyAreDecoded() {
        // RFC 6749 §2.3.1: the id and secret are form-encoded before Basic's base64.
        MockHttpServletRequest request = post("grant_type=client_credentials");
        request.addHeader("Authorization", basic("client%3A1", "s%C3%A9cret+1"));

        ClientCredentials credentials = ClientRequestReader.read(request).credentials();

        assertThat(credentials.clientId()).isEqualTo("client:1");
        assertThat(credentials.secret()).isEqualTo("sécret 1");
    }

    @Test
    void readWhenSecretInTheBodyThenCredentialsArePost() {
        ClientRequest read = ClientRequestReader.read(
                post("grant_type=client_credentials&client_id=client-1&client_secret=secret-1"));

        assertThat(read.credentials().clientId()).isEqualTo("client-1");
        assertThat(read.credentials().secret()).isEqualTo("secret-1");
        assertThat(read.credentials().method()).isEqualTo(ClientCredentials.Method.CLIENT_SECRET_POST);
        assertThat(read.usesBasic()).isFalse();
    }

    @Test
    void readWhenBasicAndBodyCredentialsAtOnceThenInvalidRequest() {
        MockHttpServletRequest request = post("grant_type=client_credentials&client_id=client-1&client_secret=x");
        request.addHeader("Authorization", basic("client-1", "secret-1"));

        assertInvalidRequest(request, "use one client authentication method");
    }

    @Test
    void readWhenBasicAndOnlyAClientIdInTheBodyThenInvalidRequest() {
        MockHttpServletRequest request = post("grant_type=client_credentials&client_id=client-1");
        request.addHeader("Authorization", basic("client-1", "secret-1"));

        assertInvalidRequest(request, "use one client authentication method");
    }

    @Test
    void readWhenNoCredentialsThenNoneAndTheParametersAreRead() {
        ClientRequest read = ClientRequestReader.read(post("grant_type=client_credentials&client_id=client-1"));

        assertThat(read.credentials()).isNull();
        assertThat(read.single("client_id")).isEqualTo("client-1");
    }

    @Test
    void readWhenAnotherAuthorizationSchemeThenNoCredentials() {
        MockHttpServletRequest request = post("grant_type=client_credentials");
        request.addHeader("Authorization", "Bearer abc");

        assertThat(ClientRequestReader.read(request).credentials()).isNull();
    }

    @Test
    void readWhenClientSecretWithoutClientIdThenInvalidRequest() {
        assertInvalidRequest(post("grant_type=client_credentials&client_secret=secret-1"),
                "client_secret without client_id");
    }

    @Test
    void readWhenAParameterIsRepeatedThenInvalidRequestNamingIt() {
        assertInvalidRequest(post("grant_type=client_credentials&scope=a&scope=b"), "parameter scope is repeated");
        assertInvalidRequest(post("client_id=a&client_id=b&client_secret=s"), "parameter client_id is repeated");
    }

    @Test
    void readWhenARepeatedParameterIsEmptyThenItDoesNotCount() {
        ClientRequest read = ClientRequestReader.read(post("grant_type=client_credentials&scope=&scope=a"));

        assertThat(read.single("scope")).isEqualTo("a");
    }

    @Test
    void readWhenResourceOrAudienceIsRepeatedThenEveryValueIsKept() {
        ClientRequest read = ClientRequestReader.read(post("resource=https%3A%2F%2Fa.example"
                + "&resource=https%3A%2F%2Fb.example&audience=c&audience=d"));

        assertThat(read.all("resource")).containsExactly("https://a.example", "https://b.example");
        assertThat(read.all("audience")).containsExactly("c", "d");
    }

    @Test
    void readWhenAuthorizationIsGivenTwiceThenInvalidRequest() {
        MockHttpServletRequest request = post("grant_type=client_credentials");
        request.addHeader("Authorization", basic("client-1", "secret-1"));
        request.addHeader("Authorization", basic("client-2", "secret-2"));

        assertInvalidRequest(request, "more than once");
    }

    @Test
    void readWhenBasicIsMalformedThenInvalidRequest() {
        for (String header : new String[]{"Basic", "Basic not*base64", "Basic " + encode("no-colon"),
                "Basic " + encode(":secret"), "Basic " + encode("client:")}) {
            MockHttpServletRequest request = post("grant_type=client_credentials");
            request.addHeader("Authorization", header);
            assertThat(problem(request).error().error()).as(header).isEqualTo("invalid_request");
        }
    }

    @Test
    void readWhenParametersAreInTheQueryThenInvalidRequest() {
        MockHttpServletRequest request = post("grant_type=client_credentials");
        request.setQueryString("client_secret=secret-1");

        assertInvalidRequest(request, "not in the URI");
    }

    @Test
    void readWhenTheBodyIsNotAUtf8FormThenInvalidRequest() {
        for (String contentType : new String[]{"application/json", "text/plain", FORM + "; charset=ISO-8859-1",
                "not a media type"}) {
            MockHttpServletRequest request = post("grant_type=client_credentials");
            request.setContentType(contentType);
            assertThat(problem(request).error().description()).as(contentType).contains("x-www-form-urlencoded");
        }
        MockHttpServletRequest noType = post("grant_type=client_credentials");
        noType.setContentType(null);
        assertThat(problem(noType).error().error()).isEqualTo("invalid_request");
    }

    @Test
    void readWhenTheFormIsNotValidUtf8ThenInvalidRequest() {
        assertInvalidRequest(post("client_id=%C3%28"), "not valid UTF-8");
    }

    @Test
    void readWhenTheBodyIsExactlyAtTheLimitThenItIsRead() {
        String body = "scope=" + "a".repeat(ClientRequestReader.LIMIT_BYTES - "scope=".length());

        assertThat(ClientRequestReader.read(post(body)).single("scope")).hasSize(ClientRequestReader.LIMIT_BYTES - 6);
    }

    @Test
    void readWhenTheDeclaredLengthExceedsTheLimitThen413() {
        OAuthProblem problem = problem(post("scope=" + "a".repeat(ClientRequestReader.LIMIT_BYTES)));

        assertThat(problem.error().status()).isEqualTo(413);
        assertThat(problem.error().error()).isEqualTo("invalid_request");
    }

    @Test
    void readWhenAnUndeclaredLengthExceedsTheLimitThen413() {
        // Chunked: no Content-Length, so the reader must stop at the limit by itself.
        MockHttpServletRequest chunked = new MockHttpServletRequest("POST", "/oauth2/token") {
            @Override
            public long getContentLengthLong() {
                return -1;
            }
        };
        chunked.setContentType(FORM);
        chunked.setContent(("scope=" + "a".repeat(ClientRequestReader.LIMIT_BYTES)).getBytes(StandardCharsets.UTF_8));

        assertThat(problem(chunked).error().status()).isEqualTo(413);
    }

    private static MockHttpServletRequest post(String body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/oauth2/token");
        request.setContentType(FORM);
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        return request;
    }

    private static String basic(String clientId, String secret) {
        return "Basic " + encode(clientId + ":" + secret);
    }

    private static String encode(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static OAuthProblem problem(MockHttpServletRequest request) {
        OAuthProblem problem = catchThrowableOfType(OAuthProblem.class, () -> ClientRequestReader.read(request));
        assertThat(problem).as("the request is refused").isNotNull();
        return problem;
    }

    private static void assertInvalidRequest(MockHttpServletRequest request, String description) {
        OAuthError error = problem(request).error();
        assertThat(error.status()).isEqualTo(400);
        assertThat(error.error()).isEqualTo("invalid_request");
        assertThat(error.description()).contains(description);
    }
}
