package dev.keyledger.infrastructure.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.parameters.PathParameter;
import org.springdoc.core.customizers.OpenApiCustomizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What follows from a route's path alone: each template variable is a required string path parameter (the command
 * side binds them to typed ids its own way, which springdoc cannot see), a checked route with one can answer 404, and
 * the route is grouped by the resource it names ({@code clients}, {@code roles}, ...) rather than by the controller
 * class that serves it, which differs between the sides.
 */
final class AdminApiConventions implements OpenApiCustomizer {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}/]+)}");

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openApi.getPaths().entrySet()) {
            List<String> variables = variables(path.getKey());
            for (Operation operation : path.getValue().readOperations()) {
                operation.setTags(List.of(resource(path.getKey())));
                for (String variable : variables) {
                    pathParameter(operation, variable);
                }
                if (!variables.isEmpty() && operation.getExtensions() != null
                        && operation.getExtensions().containsKey(AccessRuleDocumentation.PERMISSION)) {
                    ApiDocumentation.problem(operation, 404, "no such resource");
                }
            }
        }
    }

    private static void pathParameter(Operation operation, String name) {
        if (operation.getParameters() != null) {
            operation.getParameters().removeIf(parameter -> name.equals(parameter.getName())
                    && !"path".equals(parameter.getIn()));
            if (operation.getParameters().stream().anyMatch(parameter -> name.equals(parameter.getName()))) {
                return;
            }
        }
        operation.addParametersItem(new PathParameter().name(name).required(true).schema(ApiDocumentation.string()));
    }

    /** {@code /api/v1/clients/{clientId}/secrets} → {@code clients}; {@code /api/v1/openapi.json} → {@code openapi}. */
    private static String resource(String path) {
        String[] segments = path.split("/");
        return segments.length > 3 ? segments[3].replace(".json", "") : path;
    }

    private static List<String> variables(String path) {
        List<String> names = new ArrayList<>();
        Matcher matcher = VARIABLE.matcher(path);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }
}
