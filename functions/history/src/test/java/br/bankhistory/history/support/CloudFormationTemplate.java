package br.bankhistory.history.support;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A CloudFormation template of the repository read as a tree, with the short-form tags in their long form, as
 * CloudFormation reads them: {@code !Ref X} is {@code {"Ref": "X"}}, {@code !GetAtt R.A} is
 * {@code {"Fn::GetAtt": ["R", "A"]}}, {@code !Condition C} is {@code {"Condition": "C"}} and any other
 * {@code !Name v} is {@code {"Fn::Name": v}}. A plain YAML reader would drop the tags and keep only their
 * arguments, which would make {@code !Ref JwtIssuer} and the string "JwtIssuer" look the same.
 */
public final class CloudFormationTemplate {

    private static final YAMLFactory YAML = new YAMLFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private CloudFormationTemplate() {
    }

    /** The template at {@code relative} (e.g. {@code template.yaml}) from the repository root. */
    public static JsonNode read(String relative) {
        try (JsonParser parser = YAML.createParser(RepositoryFiles.of(relative).toFile())) {
            parser.nextToken();
            return node(parser);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** JSON text with the long forms, for comparing a fragment of the template with what is expected. */
    public static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value at the parser's current token (and everything under it), its tag applied. */
    private static JsonNode node(JsonParser parser) throws IOException {
        Object tag = parser.getTypeId();
        JsonNode value;
        if (parser.currentToken() == JsonToken.START_OBJECT) {
            ObjectNode object = NODES.objectNode();
            while (parser.nextToken() != JsonToken.END_OBJECT) {
                String name = parser.currentName();
                parser.nextToken();
                object.set(name, node(parser));
            }
            value = object;
        } else if (parser.currentToken() == JsonToken.START_ARRAY) {
            ArrayNode array = NODES.arrayNode();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                array.add(node(parser));
            }
            value = array;
        } else if (parser.currentToken() == JsonToken.VALUE_NULL) {
            value = NODES.nullNode();
        } else {
            value = MAPPER.readTree(parser);
        }
        return tag == null ? value : intrinsic(tag.toString(), value);
    }

    private static JsonNode intrinsic(String tag, JsonNode argument) {
        return switch (tag) {
            case "Ref", "Condition" -> NODES.objectNode().set(tag, argument);
            case "GetAtt" -> NODES.objectNode().set("Fn::GetAtt", argument.isTextual()
                    ? NODES.arrayNode().add(before(argument.asText())).add(after(argument.asText()))
                    : argument);
            default -> NODES.objectNode().set("Fn::" + tag, argument);
        };
    }

    private static String before(String resourceDotAttribute) {
        return resourceDotAttribute.substring(0, resourceDotAttribute.indexOf('.'));
    }

    private static String after(String resourceDotAttribute) {
        return resourceDotAttribute.substring(resourceDotAttribute.indexOf('.') + 1);
    }
}
