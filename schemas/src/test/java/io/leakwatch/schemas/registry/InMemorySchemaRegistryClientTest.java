package io.leakwatch.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leakwatch.schemas.App;
import io.leakwatch.schemas.Rule;
import io.leakwatch.schemas.SmsEvent;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class InMemorySchemaRegistryClientTest {

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();

    @Test
    void shouldGiveGlobalIdsFromOneInRegistrationOrder() {
        assertThat(registry.register("apps-value", App.getClassSchema())).isEqualTo(1);
        assertThat(registry.register("rules-value", Rule.getClassSchema())).isEqualTo(2);
        assertThat(registry.register("apps-value", SmsEvent.getClassSchema())).isEqualTo(3);

        assertThat(registry.getById(2)).isEqualTo(Rule.getClassSchema());
        assertThat(registry.versions("apps-value")).containsExactly(1, 2);
        assertThat(registry.latest("apps-value").id()).isEqualTo(3);
        assertThat(registry.subjects()).containsExactly("apps-value", "rules-value");
    }

    @Test
    void shouldGiveTheSameSchemaTheSameIdEvenWhenItsJsonIsFormattedDifferently() throws Exception {
        final String pretty = new ObjectMapper().readTree(App.getClassSchema().toString()).toPrettyString();
        final Schema reformatted = new Schema.Parser().parse(pretty);

        final int first = registry.register("apps-value", App.getClassSchema());

        assertThat(registry.register("apps-value", reformatted)).isEqualTo(first);
        assertThat(registry.register("apps-key", reformatted)).isEqualTo(first);
        assertThat(registry.versions("apps-value")).containsExactly(1);
        assertThat(registry.usages(first)).extracting(SchemaVersion::subject).containsExactly("apps-key", "apps-value");
    }

    @Test
    void shouldFindASchemaOnlyUnderTheSubjectsThatHoldIt() {
        registry.register("apps-value", App.getClassSchema());
        registry.register("rules-value", Rule.getClassSchema());

        assertThat(registry.lookup("apps-value", App.getClassSchema()))
            .contains(new SchemaVersion("apps-value", 1, 1, App.getClassSchema()));
        assertThat(registry.lookup("apps-value", Rule.getClassSchema())).isEmpty();
    }

    @Test
    void shouldReportUnknownIdsSubjectsAndVersionsWithConfluentCodes() {
        registry.register("apps-value", App.getClassSchema());

        assertThatThrownBy(() -> registry.getById(7))
            .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(40403));
        assertThatThrownBy(() -> registry.versions("nope"))
            .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(40401));
        assertThatThrownBy(() -> registry.version("apps-value", 2))
            .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(40402));
    }
}
