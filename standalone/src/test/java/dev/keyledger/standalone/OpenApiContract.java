package dev.keyledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.oas.OpenApi31;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Checks real HTTP exchanges against the OpenAPI 3.1 document the service serves: the operation exists, the query
 * parameters and headers sent are declared, a request body the document refuses was refused (and one accepted
 * validates), the answer validates against its schema (networknt's JSON Schema 2020-12 validator with the OpenAPI 3.1
 * dialect, formats asserted), its status and media type are declared, and the headers declared required are sent and
 * an ETag sent is declared.
 */
final class OpenApiContract {

    /** Where the document is mapped for the validator, so that its {@code #/components/...} references resolve. */
    private static final String DOCUMENT_IRI = "https://keyledger.test/openapi.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();

    private final JsonNode document;
    private final JsonSchemaFactory schemas;
    private final AtomicInteger inlineSchemas = new AtomicInteger();

    OpenApiContract(String documentText) {
        try {
            this.document = JSON.readTree(documentText);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.schemas = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, builder -> builder
                .metaSchema(OpenApi31.getInstance())
                .defaultMetaSchemaIri(OpenApi31.getInstance().getIri())
                .schemaLoaders(loaders -> loaders.schemas(Map.of(DOCUMENT_IRI, documentText))));
    }

    JsonNode document() {
        return document;
    }

    /**
     * One request sent and the answer it got: {@code headers} are the request's name, value pairs,
     * {@code answerHeaders} the answer's first value of each header, by name in any case.
     */
    record Exchange(String method, String target, String requestBody, List<String> headers, int status,
                    Map<String, String> answerHeaders, String answerBody) {

        static Exchange of(String method, String target, String requestBody, List<String> headers,
                           AdminClient.Answer answer) {
            Map<String, String> answerHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            answer.headers().map().forEach((name, values) -> answerHeaders.put(name, values.get(0)));
            return new Exchange(method, target, requestBody, headers, answer.status(), answerHeaders, answer.body());
        }

        Exchange withAnswer(int newStatus, String header, String value, String body) {
            Map<String, String> changed = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            changed.putAll(answerHeaders);
            if (value == null) {
                changed.remove(header);
            } else {
                changed.put(header, value);
            }
            return new Exchange(method, target, requestBody, headers, newStatus, changed, body);
        }

        Exchange withRequestBody(String body) {
            return new Exchange(method, target, body, headers, status, answerHeaders, answerBody);
        }
    }

    /** What the document does not say of this exchange; empty when it says all of it. */
    List<String> violations(Exchange exchange) {
        URI target = URI.create(exchange.target());
        String where = exchange.method() + " " + exchange.target() + " -> " + exchange.status();
        Optional<String> template = template(target.getPath(), exchange.method());
        if (template.isEmpty()) {
            return List.of(where + ": no operation in the document");
        }
        JsonNode operation = document.path("paths").path(template.get())
                .path(exchange.method().toLowerCase(Locale.ROOT));
        List<String> faults = new ArrayList<>();
        checkRequest(operation, target, exchange, faults);
        checkAnswer(operation, exchange, faults);
        return faults.stream().map(fault -> where + " (" + template.get() + "): " + fault).toList();
    }

    /** The document's path template that matches, preferring a literal segment over a variable. */
    Optional<String> template(String path, String method) {
        String best = null;
        int bestLiterals = -1;
        for (Iterator<String> it = document.path("paths").fieldNames(); it.hasNext(); ) {
            String candidate = it.next();
            if (!document.path("paths").path(candidate).has(method.toLowerCase(Locale.ROOT))) {
                continue;
            }
            String regex = "\\Q" + candidate.replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q") + "\\E";
            if (Pattern.matches(regex, path)) {
                int literals = candidate.replaceAll("\\{[^}]+}", "").length();
                if (literals > bestLiterals) {
                    best = candidate;
                    bestLiterals = literals;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private void checkRequest(JsonNode operation, URI target, Exchange exchange, List<String> faults) {
        if (target.getRawQuery() != null) {
            for (String pair : target.getRawQuery().split("&")) {
                String name = pair.split("=", 2)[0];
                if (parameter(operation, "query", name).isEmpty()) {
                    faults.add("query parameter " + name + " is not declared");
                }
            }
        }
        for (int i = 0; i < exchange.headers().size(); i += 2) {
            String name = exchange.headers().get(i);
            boolean described = name.equalsIgnoreCase("Content-Type") || name.equalsIgnoreCase("Accept");
            if (!described && parameter(operation, "header", name).isEmpty()) {
                faults.add("request header " + name + " is not declared");
            }
        }
        JsonNode requestBody = operation.path("requestBody");
        String body = exchange.requestBody();
        if (body == null || body.isEmpty()) {
            if (requestBody.path("required").asBoolean(false)) {
                faults.add("the document requires a request body");
            }
            return;
        }
        JsonNode schema = requestBody.path("content").path("application/json").path("schema");
        if (schema.isMissingNode()) {
            faults.add("a request body was sent; the document declares none");
            return;
        }
        List<String> bodyFaults = new ArrayList<>();
        validate(schema, body, "request body", bodyFaults);
        if (exchange.status() / 100 == 2) {
            faults.addAll(bodyFaults); // a body the document refuses must have been refused
        }
    }

    private void checkAnswer(JsonNode operation, Exchange answer, List<String> faults) {
        JsonNode response = operation.path("responses").path(Integer.toString(answer.status()));
        if (response.isMissingNode()) {
            faults.add("status " + answer.status() + " is not declared");
            return;
        }
        Map<String, String> headers = answer.answerHeaders();
        response.path("headers").fieldNames().forEachRemaining(name -> {
            if (response.path("headers").path(name).path("required").asBoolean(false) && !headers.containsKey(name)) {
                faults.add("the answer lacks the declared header " + name);
            }
        });
        if (headers.containsKey("ETag") && !response.path("headers").has("ETag")) {
            faults.add("the answer carries an ETag the document does not declare");
        }
        if (answer.answerBody().isEmpty()) {
            if (response.has("content")) {
                faults.add("the answer has no body; the document declares one");
            }
            return;
        }
        String mediaType = headers.getOrDefault("Content-Type", "").split(";")[0].trim();
        JsonNode content = response.path("content").path(mediaType);
        if (content.isMissingNode()) {
            faults.add("media type " + mediaType + " is not declared");
            return;
        }
        if (mediaType.equals("application/json") || mediaType.endsWith("+json")) {
            validate(content.path("schema"), answer.answerBody(), "answer", faults);
        }
    }

    private Optional<JsonNode> parameter(JsonNode operation, String in, String name) {
        for (JsonNode parameter : operation.path("parameters")) {
            if (in.equals(parameter.path("in").asText()) && name.equalsIgnoreCase(parameter.path("name").asText())) {
                return Optional.of(parameter);
            }
        }
        return Optional.empty();
    }

    private void validate(JsonNode schemaNode, String json, String what, List<String> faults) {
        JsonNode instance;
        try {
            instance = JSON.readTree(json);
        } catch (IOException e) {
            faults.add(what + " is not JSON");
            return;
        }
        schema(schemaNode).validate(instance).forEach(message -> faults.add(what + ": " + message.getMessage()));
    }

    /**
     * An operation's schema as the validator's: loaded under an address of its own, its references made absolute
     * to the document so that they resolve into its components.
     */
    private JsonSchema schema(JsonNode inline) {
        JsonNode absolute = absoluteReferences(inline.deepCopy());
        SchemaLocation location = SchemaLocation.of(DOCUMENT_IRI + "/operation-schema/"
                + inlineSchemas.incrementAndGet());
        return schemas.getSchema(location, absolute, CONFIG);
    }

    private static JsonNode absoluteReferences(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.path("$ref").asText("").startsWith("#")) {
                object.put("$ref", DOCUMENT_IRI + object.get("$ref").asText());
            }
            object.forEach(OpenApiContract::absoluteReferences);
        } else if (node.isArray()) {
            node.forEach(OpenApiContract::absoluteReferences);
        }
        return node;
    }
}
