package br.bankhistory.history.handler;

import br.bankhistory.history.domain.Tenants;
import br.bankhistory.history.support.CloudFormationTemplate;
import br.bankhistory.history.support.RepositoryFiles;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The identity settings of {@code template.yaml} the service's trust rests on (docs/deploy.md, "1. Identity"): the
 * claims {@link Claims} reads can only be written by administrators, and the HTTP API trusts the pool the stack
 * creates, or the one the deployer names. The attribute and group names come from {@link Claims} itself, so a
 * claim renamed in the code and not in the template fails here.
 */
class IdentityTemplateTest {

    private static final JsonNode TEMPLATE = CloudFormationTemplate.read("template.yaml");
    private static final String CUSTOM = "custom:";

    @Test
    void the_stack_creates_the_pool_exactly_when_no_issuer_is_given() {
        assertThat(TEMPLATE.at("/Conditions/CreateUserPool"))
                .isEqualTo(CloudFormationTemplate.json("{\"Fn::Equals\": [{\"Ref\": \"JwtIssuer\"}, \"\"]}"));
        assertThat(TEMPLATE.at("/Parameters/JwtIssuer/Default").asText()).isEmpty();
        assertThat(TEMPLATE.at("/Parameters/JwtAudience/Default").asText()).isEmpty();

        Map<String, String> cognito = resources().entrySet().stream()
                .filter(r -> r.getValue().path("Type").asText().startsWith("AWS::Cognito::"))
                .collect(Collectors.toMap(Map.Entry::getKey, r -> r.getValue().path("Type").asText(),
                        (a, b) -> a, TreeMap::new));
        assertThat(cognito.values()).contains("AWS::Cognito::UserPool", "AWS::Cognito::UserPoolClient",
                "AWS::Cognito::UserPoolGroup");
        // A deployment that brings its own pool gets none of them.
        assertThat(cognito.keySet()).allSatisfy(name ->
                assertThat(resource(name).path("Condition").asText()).as(name).isEqualTo("CreateUserPool"));
    }

    @Test
    void a_brought_issuer_must_be_https_so_local_tokens_can_never_pass() {
        Pattern allowed = Pattern.compile(TEMPLATE.at("/Parameters/JwtIssuer/AllowedPattern").asText());

        assertThat(allowed.matcher("").matches()).isTrue();
        assertThat(allowed.matcher("https://cognito-idp.sa-east-1.amazonaws.com/sa-east-1_AbCdEf123").matches()).isTrue();
        assertThat(allowed.matcher("urn:local-stack").matches()).isFalse();
        assertThat(allowed.matcher("http://cognito-idp.sa-east-1.amazonaws.com/sa-east-1_AbCdEf123").matches()).isFalse();
        assertThat(allowed.matcher("https://cognito-idp.sa-east-1.amazonaws.com/sa-east-1_AbCdEf123/").matches()).isFalse();
    }

    @Test
    void a_brought_issuer_needs_its_audience_and_a_created_pool_takes_none() {
        JsonNode brought = TEMPLATE.at("/Rules/BroughtPoolNamesItsAudience");
        assertThat(brought.path("RuleCondition")).isEqualTo(CloudFormationTemplate.json(
                "{\"Fn::Not\": [{\"Fn::Equals\": [{\"Ref\": \"JwtIssuer\"}, \"\"]}]}"));
        assertThat(brought.at("/Assertions/0/Assert")).isEqualTo(CloudFormationTemplate.json(
                "{\"Fn::Not\": [{\"Fn::Contains\": [{\"Ref\": \"JwtAudience\"}, \"\"]}]}"));

        JsonNode created = TEMPLATE.at("/Rules/CreatedPoolTakesNoAudience");
        assertThat(created.path("RuleCondition")).isEqualTo(TEMPLATE.at("/Conditions/CreateUserPool"));
        assertThat(created.at("/Assertions/0/Assert")).isEqualTo(CloudFormationTemplate.json(
                "{\"Fn::EachMemberEquals\": [{\"Ref\": \"JwtAudience\"}, \"\"]}"));
    }

    @Test
    void only_administrators_create_users_and_the_tenant_never_changes() {
        JsonNode pool = resource("UserPool");
        assertThat(pool.at("/Properties/AdminCreateUserConfig/AllowAdminCreateUserOnly").asBoolean(false)).isTrue();
        assertThat(pool.path("DeletionPolicy").asText()).isEqualTo("Retain");
        assertThat(pool.path("UpdateReplacePolicy").asText()).isEqualTo("Retain");

        assertThat(Claims.TENANT).startsWith(CUSTOM);
        JsonNode tenant = schemaAttribute(pool, Claims.TENANT.substring(CUSTOM.length()));
        assertThat(tenant.path("AttributeDataType").asText()).isEqualTo("String");
        assertThat(tenant.path("Mutable").isBoolean()).isTrue();
        assertThat(tenant.path("Mutable").asBoolean()).isFalse();
        // The pool stores no tenant id the code would refuse for being too long.
        int maxLength = Integer.parseInt(tenant.at("/StringAttributeConstraints/MaxLength").asText());
        assertThat(Tenants.isValidTenant("a".repeat(maxLength))).isTrue();
        assertThat(Tenants.isValidTenant("a".repeat(maxLength + 1))).isFalse();
    }

    @Test
    void the_web_client_reads_the_tenant_and_the_name_but_writes_neither() {
        JsonNode client = resource("UserPoolClient").path("Properties");
        assertThat(client.path("UserPoolId")).isEqualTo(CloudFormationTemplate.json("{\"Ref\": \"UserPool\"}"));
        assertThat(client.path("GenerateSecret").asBoolean(true)).isFalse();

        assertThat(texts(client.path("ReadAttributes"))).contains(Claims.TENANT, Claims.USER_NAME);
        // Without WriteAttributes Cognito lets users write every standard attribute, name included.
        assertThat(client.path("WriteAttributes").isArray()).isTrue();
        Set<String> writable = texts(client.path("WriteAttributes"));
        assertThat(writable).isNotEmpty().doesNotContain(Claims.TENANT, Claims.USER_NAME);

        // Cognito refuses a client that cannot write a required attribute: the name must not be required.
        Set<String> required = elements(resource("UserPool").at("/Properties/Schema"))
                .filter(a -> a.path("Required").asBoolean(false))
                .map(a -> a.path("Name").asText())
                .collect(Collectors.toSet());
        assertThat(writable).containsAll(required);
        assertThat(required).doesNotContain(Claims.USER_NAME);
    }

    @Test
    void the_admin_group_is_the_one_the_code_checks() {
        JsonNode group = resource("AdminGroup");
        assertThat(group.at("/Properties/GroupName").asText()).isEqualTo(Claims.ADMIN_GROUP);
        assertThat(group.at("/Properties/UserPoolId")).isEqualTo(CloudFormationTemplate.json("{\"Ref\": \"UserPool\"}"));
    }

    @Test
    void the_api_trusts_the_created_pool_and_its_client_or_else_the_given_issuer() {
        JsonNode auth = resource("HttpApi").at("/Properties/Auth");
        String authorizer = auth.path("DefaultAuthorizer").asText();
        JsonNode jwt = auth.path("Authorizers").path(authorizer).path("JwtConfiguration");

        assertThat(jwt.path("issuer")).isEqualTo(CloudFormationTemplate.json("""
                {"Fn::If": ["CreateUserPool", {"Fn::Sub": "https://${UserPool.ProviderURL}"}, {"Ref": "JwtIssuer"}]}"""));
        assertThat(jwt.path("audience")).isEqualTo(CloudFormationTemplate.json("""
                {"Fn::If": ["CreateUserPool", [{"Ref": "UserPoolClient"}], {"Ref": "JwtAudience"}]}"""));
    }

    @Test
    void no_documented_recipe_lets_users_write_their_own_name_or_tenant() throws IOException {
        Pattern option = Pattern.compile("--write-attributes((?:[ \\t]+(?!--)\\S+)+)");
        List<String> recipes = new ArrayList<>();
        for (Path doc : documents()) {
            Matcher m = option.matcher(Files.readString(doc).replace("\\\n", " "));
            while (m.find()) {
                recipes.add(doc.getFileName() + ":" + m.group(1));
                assertThat(Set.of(m.group(1).trim().split("\\s+"))).as(doc + ": " + m.group())
                        .doesNotContain(Claims.TENANT, Claims.USER_NAME);
            }
        }
        assertThat(recipes).as("the deployment guide's app client recipe").isNotEmpty();
    }

    private static List<Path> documents() throws IOException {
        try (Stream<Path> docs = Files.list(RepositoryFiles.of("docs"))) {
            List<Path> all = new ArrayList<>(docs.filter(p -> p.toString().endsWith(".md")).sorted().toList());
            all.add(RepositoryFiles.of("web/README.md"));
            return all;
        }
    }

    private static Map<String, JsonNode> resources() {
        Map<String, JsonNode> all = new TreeMap<>();
        TEMPLATE.path("Resources").fields().forEachRemaining(e -> all.put(e.getKey(), e.getValue()));
        return all;
    }

    private static JsonNode resource(String name) {
        JsonNode resource = TEMPLATE.path("Resources").path(name);
        assertThat(resource.isObject()).as("resource " + name + " in template.yaml").isTrue();
        return resource;
    }

    private static JsonNode schemaAttribute(JsonNode pool, String name) {
        return elements(pool.at("/Properties/Schema"))
                .filter(a -> a.path("Name").asText().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no schema attribute " + name + " in the user pool"));
    }

    private static Stream<JsonNode> elements(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }

    private static Set<String> texts(JsonNode array) {
        return elements(array).map(JsonNode::asText).collect(Collectors.toSet());
    }
}
